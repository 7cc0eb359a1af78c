// What a capability module gives the platform. Modules register themselves in src/modules/index.ts.
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { Config } from './config/config.ts';
import type { Secrets } from './config/secrets.ts';
import type { FieldCrypto } from './crypto/field-crypto.ts';
import type { DomainEvent, Events } from './events/events.ts';
import type { FileStorage } from './files/storage.ts';
import type { JobContext, Jobs } from './jobs/queue.ts';
import type { DemoMailbox } from './mail/demo-mailbox.ts';
import type { Mailer } from './mail/mailer.ts';

/** Services the platform hands to a module's routes, jobs and seeders. */
export interface PlatformDeps {
  /** Pool connected as the app's non-superuser role: row-level security applies. */
  db: Kysely<any>;
  /** The app role's pool itself, for readWithTenant (one-round-trip reads). */
  pool: pg.Pool;
  /** Pool connected as the schema owner; only migrations and bulk demo loading use it. */
  ownerDb: Kysely<any>;
  /** The owner pool itself, for COPY-based bulk loads. */
  ownerPool: pg.Pool;
  jobs: Jobs;
  log: Logger;
  config: Config;
  secrets: Secrets;
  /** Outgoing e-mail over SMTP; send from a job, not inside a request. */
  mail: Mailer;
  /** The in-process SMTP server `npm start` runs when SMTP_URL is unset (demo only). */
  demoMailbox: DemoMailbox | undefined;
  /** Envelope encryption and blind indexes for designated personal fields (My Number). */
  fieldCrypto: FieldCrypto;
  /** Domain events: emit in a use case's transaction; subscribers react through jobs. */
  events: Events;
  /** Uploaded files (attachments): local directory or S3-compatible store, by FILE_STORAGE. */
  files: FileStorage;
}

export interface SeedOptions {
  tenantId: string;
  /** Number of synthetic residents to generate. */
  residents: number;
  /** PRNG seed: the same seed always gives the same data. */
  seed: number;
  /** Replace this tenant's existing demo data instead of keeping it. */
  replace?: boolean;
  /** Reports progress of long work (for the CLI's progress bar). */
  progress?: (done: number, total: number, label: string) => void;
}

export interface CityModule {
  /** Folder name under src/modules/. */
  name: string;
  /** Folder with NNNN_name.sql files, applied in order. */
  migrations?: URL;
  /**
   * Hooks that must run for every route of every module (e.g. identity loads the session). Registered
   * on the root instance, before any module's routes.
   */
  requestHooks?: (app: FastifyInstance, deps: PlatformDeps) => Promise<void>;
  /** Fastify plugin with this module's API and page routes. */
  routes?: (app: FastifyInstance, deps: PlatformDeps) => Promise<void>;
  /** Background job handlers, by queue name (prefix it with the module name: `organisation.rebuild`). */
  jobs?: Record<string, ModuleJob>;
  /**
   * Reactions to domain events, by event type (`*` for every event). Each runs as its own job after the
   * emitting transaction commits, possibly more than once: handlers must be idempotent.
   */
  events?: Record<string, (event: DomainEvent, deps: PlatformDeps) => Promise<void>>;
  /** Links the resident portal's home page shows (only to pages that work). Texts are message keys. */
  homeLinks?: HomeLink[];
  /** Writes this module's demo data for one tenant (idempotent: skips what exists). */
  seedDemo?: (deps: PlatformDeps, options: SeedOptions) => Promise<void>;
}

export interface ModuleJob {
  handler: (data: unknown, job: JobContext, deps: PlatformDeps) => Promise<void>;
  expireInSeconds?: number;
  retryLimit?: number;
  /** Run this job on a schedule too: a cron expression in Japan time, e.g. `0 3 * * *` for 3:00 every night. */
  schedule?: string;
}

export interface HomeLink {
  href: string;
  titleKey: string;
  descriptionKey: string;
}
