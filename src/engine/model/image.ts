import type { SourceRef } from './source.js';

/** A reference normalized as distribution/reference `ParseNormalizedNamed` + `TagNameOnly`. */
export interface ImageRef {
  /** As written in the manifest. */
  readonly original: string;
  /** Fully qualified, with the tag (`docker.io/library/nginx:latest`), plus `@digest` when given. */
  readonly reference: string;
  /** `docker.io`, `gcr.io`, `myprivateregistry.com:5000`, `localhost:5000`. */
  readonly registry: string;
  /** Path within the registry, e.g. `library/nginx`. */
  readonly repository: string;
  /** null only when a digest is given without a tag. */
  readonly tag: string | null;
  readonly digest: string | null;
  /** The short form Docker prints (`nginx:latest`, `myprivateregistry.com:5000/nginx:alpine`). */
  readonly familiar: string;
}

export interface PasswdEntry {
  readonly name: string;
  readonly uid: number;
  readonly gid: number;
}

/** What the engine knows of an image's filesystem: its USER and /etc/passwd. */
/** A line of the image's /etc/group that names members (`wheel:x:10:root`). */
export interface GroupEntry {
  readonly name: string;
  readonly gid: number;
  readonly members: readonly string[];
}

export interface ImageMeta {
  /** The Dockerfile USER as written (`1000`, `app`, `101:101`); undefined ⇒ root. */
  readonly user?: string;
  readonly passwd: readonly PasswdEntry[];
  /** The image's /etc/group lines with members (the user's extra groups come from them); none when unknown. */
  readonly groups?: readonly GroupEntry[];
  /** Where these facts came from. */
  readonly source: 'registry' | 'catalogue' | 'unknown';
}

export type PullCause =
  | 'no-credentials'
  | 'wrong-credentials'
  | 'secret-other-namespace'
  | 'no-such-image'
  /** The registry's host name does not resolve (a typo in the registry). */
  | 'no-such-host'
  | 'invalid-reference';

export interface PullAttempt {
  /** Secret name, or null for the anonymous pull. */
  readonly secret: string | null;
  /** The docker config key that matched (as written). */
  readonly server: string | null;
  readonly ok: boolean;
}

export interface PullResult {
  readonly state: 'Pulled' | 'ErrImagePull' | 'InvalidImageName';
  /** Name of the secret whose credentials pulled, or null (anonymous, or failed). */
  readonly credentials: string | null;
  readonly cause: PullCause | null;
  /** English, naming the cause; null when pulled. */
  readonly message: string | null;
  readonly attempts: readonly PullAttempt[];
  readonly imagePullPolicy: 'Always' | 'IfNotPresent' | 'Never';
  /** Secrets considered, in order, and where they came from. */
  readonly secrets: readonly {
    readonly name: string;
    readonly from: 'pod' | 'serviceAccount';
    readonly status: 'used' | 'no-match' | 'missing' | 'wrong-type' | 'other-namespace';
  }[];
}

export interface ImageReport {
  /** null when the reference is invalid. */
  readonly ref: ImageRef | null;
  readonly pull: PullResult;
  readonly meta: ImageMeta;
  readonly source: SourceRef;
}
