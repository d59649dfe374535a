// `zige serve`: cli/serve.ts, the service in server/.
import { flag, one, text, type Command } from '../command.js';

export const serve: Command = {
  name: 'serve',
  usage: `  zige serve [DIR] [--port N] [--host H] [--watch] [--site DIR] [--cors ORIGINS]
             [limits]                      判定服务（HTTP）/ the decision service over HTTP
                                           (docs/serve.md; SIGHUP reloads the rules)`,
  options: {
    port: { type: 'string', value: 'N', help: '端口，默认 8080 / port (default 8080; 0: any free one)' },
    host: { type: 'string', value: 'H', help: '监听地址，默认 127.0.0.1 / address to listen on (default 127.0.0.1)' },
    watch: { type: 'boolean', help: '规则文件保存后重新载入 / reload the rules when a file of DIR changes' },
    site: { type: 'string', value: 'DIR', help: '在 / 提供的静态网站 / a static site served at / (the folder `zige site` writes)' },
    cors: { type: 'string', value: 'ORIGINS', help: '允许跨域的来源，逗号分隔；默认不开 / origins allowed by CORS, comma-separated (default: off)' },
    'max-body': { type: 'string', value: 'BYTES', help: '请求体上限 / request body limit (default 1048576)' },
    'max-batch': { type: 'string', value: 'N', help: '每次批量的资料数上限 / profiles per batch request (default 100)' },
    'max-depth': { type: 'string', value: 'N', help: '请求体嵌套层数上限 / nesting depth of a body (default 32)' },
    'max-entries': { type: 'string', value: 'N', help: '每份资料的条目数上限 / list entries per profile (default 500)' },
    timeout: { type: 'string', value: 'MS', help: '请求超时，毫秒 / request timeout in ms (default 10000)' },
    'max-concurrency': { type: 'string', value: 'N', help: '同时处理的请求数上限 / requests in progress at once (default 64)' },
    'shutdown-deadline': { type: 'string', value: 'MS', help: 'SIGTERM 后完成请求的期限 / time to finish requests after SIGTERM (default 10000)' },
  },
  exits: '0 stopped by SIGTERM/SIGINT · 1 the rules do not check · 2 bad usage',
  async run({ rest, values, lang }, io) {
    const t = (name: string): string | undefined => text(values, name);
    return (await import('../serve.js')).runServe(
      {
        dir: one(rest, 'DIR'),
        port: t('port'),
        host: t('host'),
        watch: flag(values, 'watch'),
        site: t('site'),
        cors: t('cors'),
        limits: { bodyBytes: t('max-body'), batchSize: t('max-batch'), depth: t('max-depth'), entries: t('max-entries'), timeoutMs: t('timeout'), concurrency: t('max-concurrency') },
        shutdown: t('shutdown-deadline'),
        lang,
      },
      io,
    );
  },
};
