// Sending problems, and the per-request state the hooks and routes share.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { problem, PROBLEM_MEDIA_TYPE, PROBLEMS, type Issue, type ProblemKind, type ProblemLang } from './problems.js';
import { requestLang } from './lang.js';

/** A problem found while reading a request (thrown from a body parser or a route). */
export class ProblemError extends Error {
  constructor(
    readonly kind: ProblemKind,
    readonly issues: Issue[],
    readonly status: number = PROBLEMS[kind],
  ) {
    super(issues[0]?.code ?? kind);
  }
}

/** What the service keeps about a request while it is answered. */
export interface RequestState {
  start: bigint;
  /** The rules version that answers (set when the request is dispatched). */
  version: string;
  /** Counted against the concurrency limit. */
  counted: boolean;
  /** The body has been read (a timeout is then not the client's fault). */
  bodyRead: boolean;
  timer: NodeJS.Timeout | undefined;
  /** The problem type answered, for logs and metrics. */
  problem?: ProblemKind;
  done: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    zige: RequestState;
  }
}

/** The problem language of a request: its `lang` query parameter, else Accept-Language. */
export function langOf(req: FastifyRequest): ProblemLang {
  const q = req.query as { lang?: unknown } | undefined;
  return requestLang(q?.lang, req.headers['accept-language']);
}

/** The problem document of a request, as JSON text. */
export function problemBody(req: FastifyRequest, kind: ProblemKind, issues: Issue[], status?: number): string {
  const p = problem(kind, issues, langOf(req), status);
  return JSON.stringify({ ...p, instance: req.url.split('?')[0], requestId: req.id });
}

export function sendProblem(req: FastifyRequest, reply: FastifyReply, kind: ProblemKind, issues: Issue[], status: number = PROBLEMS[kind]): FastifyReply {
  if (req.zige) req.zige.problem = kind;
  return reply.code(status).type(PROBLEM_MEDIA_TYPE).send(problemBody(req, kind, issues, status));
}
