// What the front end hands the recording preload (index.ts) through the command's environment: one variable, JSON.

export const recordVariable = 'MEMFS_RECORD';

export interface RecordConfig {
  /** Absolute: where each thread writes its `.provenance` journal (a folder of the run's spool, outside the roots). */
  folder: string;
  /** Absolute real paths: only changes inside them are noted. */
  roots: string[];
}

/** The recording preload's journals end so: never taken for the preload's `.journal`s. */
export const provenanceSuffix = '.provenance';
