// Structured JSON logs (pino); readable lines when a person watches a terminal.
import pino, { type Logger } from 'pino';

export function createLogger(options: { level: string; pretty: boolean }): Logger {
  return pino({
    level: options.level,
    base: { service: 'cityhall' },
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', '*.password'], censor: '[秘匿]' },
    ...(options.pretty
      ? {
          transport: {
            target: 'pino-pretty',
            options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,service' },
          },
        }
      : {}),
  });
}
