// Where the results of `zige eval --batch` go: stdout, a device or pipe, or a file written under a
// temporary name and renamed into place only once the run is over (never half-written).
import { once } from 'node:events';
import { closeSync, openSync, renameSync, rmSync } from 'node:fs';
import { followLinks } from '../compiler/generate/atomic-write.js';
import { errorCode } from '../compiler/diagnostics/diagnostics.js';
import { temporaryPath } from './batch-temporary.js';
import { writeAll } from './batch-worker.js';

/** A write of the output that failed (disk full, permissions, a closed pipe): its errno code. */
export class WriteFailed extends Error {}

/**
 * Where results go: stdout; a file, written under a temporary name and renamed into place at the
 * end (never half-written); or a device or pipe named by `--out` (/dev/null, a FIFO), written in
 * order like stdout — never replaced by a rename. A file is written in the background while the
 * next chunk is judged, one chunk at a time so that memory stays bounded.
 */
export class Output {
  private fd: number | null = null;
  private readonly tmp: string | null;
  /** Writes go to offsets (a regular file), so worker threads may write their own parts. */
  private readonly positional: boolean;
  /** Bytes handed to the file so far: where the next chunk goes. */
  private size = 0;
  private pending: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | null = null;

  /** The file renamed into place: the file a symbolic link points to (the link stays), else the path. */
  private readonly path: string | undefined;

  /** `special`: `named` exists and is neither a file nor a directory (a device, a FIFO, a socket). */
  constructor(
    named: string | undefined,
    special: boolean,
    private readonly stdout: NodeJS.WritableStream,
  ) {
    this.positional = named !== undefined && !special;
    const path = (this.path = this.positional ? followLinks(named!) : named);
    this.tmp = this.positional ? temporaryPath(path!) : null;
    if (this.tmp) this.fd = openSync(this.tmp, 'w');
    else if (special) this.fd = openSync(named!, 'w');
  }

  /** Writes `data` after what was written before; to a file, `written` is called once the bytes are no longer needed. */
  async write(data: string | Uint8Array, written?: () => void): Promise<void> {
    if (data.length === 0) return;
    if (this.fd !== null) {
      await this.flush();
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      this.pending = writeAll(this.fd, bytes, this.positional ? this.size : null).then(written, (error: unknown) => {
        this.failure = { error };
      });
      this.size += bytes.length;
    } else if (!this.stdout.write(data)) await once(this.stdout, 'drain');
  }

  /** The file, for worker threads that write into it themselves (null: stdout). */
  get file(): number | null {
    return this.positional ? this.fd : null;
  }

  /** Places `size` bytes that a worker thread writes into the file itself, after what was written before: where they go. */
  reserve(size: number): number {
    const at = this.size;
    this.size += size;
    return at;
  }

  /** Waits for the write in progress; throws what it failed with. */
  async flush(): Promise<void> {
    await this.pending;
    if (this.failure) throw new WriteFailed(errorCode(this.failure.error));
  }

  /** On an interruption, just before the process exits: the temporary file removed now (the file named by --out is left as it was). */
  discard(): void {
    if (this.tmp) rmSync(this.tmp, { force: true });
  }

  /** Closes the file once its last write is over: renamed into place when `ok`, else removed. */
  async close(ok: boolean): Promise<void> {
    if (this.fd === null) return;
    await this.pending;
    closeSync(this.fd);
    this.fd = null;
    const tmp = this.tmp;
    if (!tmp) return;
    try {
      if (ok && !this.failure) renameSync(tmp, this.path!);
    } catch (e) {
      throw new WriteFailed(errorCode(e));
    } finally {
      rmSync(tmp, { force: true }); // gone after the rename; else what a failed run leaves
    }
  }
}
