/**
 * Which registry hosts exist (issue 17; the lab now differs from engine-spec §5, see README
 * "Images: where the lab differs from the spec"). A pull from a host that is neither one of the
 * public registries below nor declared by a lab/v1 Registry fails as a real node's pull does when DNS
 * has no such name: containerd's resolver gets `dial tcp: lookup HOST on 127.0.0.53:53: no such host`.
 *
 * The public registries: Docker Hub (docker.io, index.docker.io, registry-1.docker.io — containerd
 * pulls docker.io from registry-1.docker.io), registry.k8s.io (and the frozen k8s.gcr.io), Google
 * Container Registry gcr.io and its regional hosts (us., eu., asia.gcr.io), Google Artifact Registry
 * (REGION-docker.pkg.dev), quay.io, GitHub's ghcr.io, Amazon ECR Public public.ecr.aws and private ECR
 * (ACCOUNT.dkr.ecr.REGION.amazonaws.com), Microsoft's mcr.microsoft.com and Azure Container Registry
 * (NAME.azurecr.io). A cloud's per-account names are taken to exist: the lab cannot know accounts.
 *
 * Lab rules: `localhost` and IP addresses are not looked up in DNS, so they keep the old rule (a
 * registry there has every image), as does any host a lab/v1 Registry declares.
 */

const PUBLIC_HOSTS: ReadonlySet<string> = new Set([
  'docker.io', 'index.docker.io', 'registry-1.docker.io',
  'registry.k8s.io', 'k8s.gcr.io',
  'gcr.io', 'us.gcr.io', 'eu.gcr.io', 'asia.gcr.io',
  'quay.io', 'ghcr.io', 'public.ecr.aws', 'mcr.microsoft.com',
]);

/** Per-account hosts of the clouds' registries (one DNS label or region in the pattern). */
const ACCOUNT_HOSTS: readonly RegExp[] = [
  /^[a-z0-9]+(?:-[a-z0-9]+)*-docker\.pkg\.dev$/,
  /^[0-9]{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?$/,
  /^[a-z0-9]{5,50}\.azurecr\.io$/,
];

/** The host part of a registry (`myregistry.com:5000` → `myregistry.com`), lower case. */
export function registryHostname(registry: string): string {
  const r = registry.toLowerCase();
  if (r.startsWith('[')) return r.slice(1, r.indexOf(']') > 0 ? r.indexOf(']') : undefined);
  return r.replace(/:\d+$/, '');
}

function isIpAddress(host: string): boolean {
  return /^\d{1,3}(?:\.\d{1,3}){3}$/.test(host) || host.includes(':');
}

/** Whether DNS would find this registry host (declared lab/v1 Registries are checked by the caller). */
export function publicRegistryExists(registry: string): boolean {
  const host = registryHostname(registry);
  if (host === 'localhost' || isIpAddress(host)) return true;
  return PUBLIC_HOSTS.has(host) || ACCOUNT_HOSTS.some((re) => re.test(host));
}

/**
 * The host containerd sends its first request to: Docker Hub's docker.io is served by
 * registry-1.docker.io (containerd remotes/docker/config hosts.go: `if host == "docker.io" { host =
 * "registry-1.docker.io" }`); every other registry by its own name and port.
 */
export function requestHost(registry: string): string {
  return registry === 'docker.io' ? 'registry-1.docker.io' : registry;
}
