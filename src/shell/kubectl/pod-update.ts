import { isRecord } from '../objects.js';
import { cmpDiff, type GoType } from './gocmp.js';

/**
 * The API server's pod update validation, k8s.io/kubernetes pkg/apis/core/validation/validation.go
 * v1.30.3 ValidatePodUpdate (kubectl-pod-update-validation.md): container count first
 * (ValidateContainerUpdates), then only-added tolerations, then the spec with every updatable
 * field munged back to its old value must equal the old spec, else `spec: Forbidden: pod updates
 * may not change fields other than …` followed by go-cmp's diff of the internal `core.PodSpec`.
 * The specs come in as v1 JSON (both already defaulted as the server stores them) and are
 * converted to the internal types' field order (pkg/apis/core/types.go v1.30).
 */

const UPDATABLE = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
];

// ---- internal core types (field name, type, json name when not the lower-cased field name) ----

type F = readonly [go: string, type: GoType, json?: string];
const str = (name?: string): GoType => (name ? { k: 'string', name } : { k: 'string' });
const i64: GoType = { k: 'int64' };
const i32: GoType = { k: 'int32' };
const bool: GoType = { k: 'bool' };
const ptr = (elem: GoType): GoType => ({ k: 'ptr', elem });
const slice = (elem: GoType, name?: string): GoType => (name ? { k: 'slice', elem, name } : { k: 'slice', elem });
const strMap: GoType = { k: 'map', key: str(), elem: str() };
const quantity: GoType = { k: 'quantity' };
const JSON_NAMES = new Map<GoType, Map<string, string>>();
const INLINE = new Set<string>();

function struct(name: string, fields: () => readonly F[]): GoType {
  let cache: (readonly [string, GoType])[] | null = null;
  const t: GoType = {
    k: 'struct', name,
    fields: () => {
      if (!cache) {
        const fs = fields();
        const names = new Map<string, string>();
        for (const [go, , json] of fs) names.set(go, json ?? go.charAt(0).toLowerCase() + go.slice(1));
        JSON_NAMES.set(t, names);
        cache = fs.map(([go, ft]) => [go, ft] as const);
      }
      return cache;
    },
  };
  return t;
}

const LocalObjectReference = struct('core.LocalObjectReference', () => [['Name', str()]]);
const IntOrString = struct('intstr.IntOrString', () => [['Type', { k: 'int', name: 'intstr.Type' }], ['IntVal', i32], ['StrVal', str()]]);
const ResourceList: GoType = { k: 'map', key: str('core.ResourceName'), elem: quantity, name: 'core.ResourceList' };
const ObjectFieldSelector = struct('core.ObjectFieldSelector', () => [['APIVersion', str(), 'apiVersion'], ['FieldPath', str()]]);
const ResourceFieldSelector = struct('core.ResourceFieldSelector', () => [['ContainerName', str()], ['Resource', str()], ['Divisor', quantity]]);
const KeySelector = (name: string) => struct(name, () => [['LocalObjectReference', LocalObjectReference, ''], ['Key', str()], ['Optional', ptr(bool)]]);
const EnvVarSource = struct('core.EnvVarSource', () => [['FieldRef', ptr(ObjectFieldSelector)], ['ResourceFieldRef', ptr(ResourceFieldSelector)], ['ConfigMapKeyRef', ptr(KeySelector('core.ConfigMapKeySelector'))], ['SecretKeyRef', ptr(KeySelector('core.SecretKeySelector'))]]);
const EnvVar = struct('core.EnvVar', () => [['Name', str()], ['Value', str()], ['ValueFrom', ptr(EnvVarSource)]]);
const EnvSource = (name: string) => struct(name, () => [['LocalObjectReference', LocalObjectReference, ''], ['Optional', ptr(bool)]]);
const EnvFromSource = struct('core.EnvFromSource', () => [['Prefix', str()], ['ConfigMapRef', ptr(EnvSource('core.ConfigMapEnvSource'))], ['SecretRef', ptr(EnvSource('core.SecretEnvSource'))]]);
const ContainerPort = struct('core.ContainerPort', () => [['Name', str()], ['HostPort', i32], ['ContainerPort', i32], ['Protocol', str('core.Protocol')], ['HostIP', str(), 'hostIP']]);
const ResourceClaim = struct('core.ResourceClaim', () => [['Name', str()]]);
const ResourceRequirements = struct('core.ResourceRequirements', () => [['Limits', ResourceList], ['Requests', ResourceList], ['Claims', slice(ResourceClaim)]]);
const ContainerResizePolicy = struct('core.ContainerResizePolicy', () => [['ResourceName', str('core.ResourceName')], ['RestartPolicy', str('core.ResourceResizeRestartPolicy')]]);
const VolumeMount = struct('core.VolumeMount', () => [['Name', str()], ['ReadOnly', bool], ['RecursiveReadOnly', ptr(str('core.RecursiveReadOnlyMode'))], ['MountPath', str()], ['SubPath', str()], ['MountPropagation', ptr(str('core.MountPropagationMode'))], ['SubPathExpr', str()]]);
const VolumeDevice = struct('core.VolumeDevice', () => [['Name', str()], ['DevicePath', str()]]);
const ExecAction = struct('core.ExecAction', () => [['Command', slice(str())]]);
const HTTPHeader = struct('core.HTTPHeader', () => [['Name', str()], ['Value', str()]]);
const HTTPGetAction = struct('core.HTTPGetAction', () => [['Path', str()], ['Port', IntOrString], ['Host', str()], ['Scheme', str('core.URIScheme')], ['HTTPHeaders', slice(HTTPHeader), 'httpHeaders']]);
const TCPSocketAction = struct('core.TCPSocketAction', () => [['Port', IntOrString], ['Host', str()]]);
const GRPCAction = struct('core.GRPCAction', () => [['Port', i32], ['Service', ptr(str())]]);
const SleepAction = struct('core.SleepAction', () => [['Seconds', i64]]);
const ProbeHandler = struct('core.ProbeHandler', () => [['Exec', ptr(ExecAction)], ['HTTPGet', ptr(HTTPGetAction), 'httpGet'], ['TCPSocket', ptr(TCPSocketAction), 'tcpSocket'], ['GRPC', ptr(GRPCAction), 'grpc']]);
const Probe = struct('core.Probe', () => [['ProbeHandler', ProbeHandler, ''], ['InitialDelaySeconds', i32], ['TimeoutSeconds', i32], ['PeriodSeconds', i32], ['SuccessThreshold', i32], ['FailureThreshold', i32], ['TerminationGracePeriodSeconds', ptr(i64)]]);
const LifecycleHandler = struct('core.LifecycleHandler', () => [['Exec', ptr(ExecAction)], ['HTTPGet', ptr(HTTPGetAction), 'httpGet'], ['TCPSocket', ptr(TCPSocketAction), 'tcpSocket'], ['Sleep', ptr(SleepAction)]]);
const Lifecycle = struct('core.Lifecycle', () => [['PostStart', ptr(LifecycleHandler)], ['PreStop', ptr(LifecycleHandler)]]);
const Capabilities = struct('core.Capabilities', () => [['Add', slice(str('core.Capability'))], ['Drop', slice(str('core.Capability'))]]);
const SELinuxOptions = struct('core.SELinuxOptions', () => [['User', str()], ['Role', str()], ['Type', str()], ['Level', str()]]);
const WindowsOptions = struct('core.WindowsSecurityContextOptions', () => [['GMSACredentialSpecName', ptr(str()), 'gmsaCredentialSpecName'], ['GMSACredentialSpec', ptr(str()), 'gmsaCredentialSpec'], ['RunAsUserName', ptr(str())], ['HostProcess', ptr(bool)]]);
const SeccompProfile = struct('core.SeccompProfile', () => [['Type', str('core.SeccompProfileType')], ['LocalhostProfile', ptr(str())]]);
const AppArmorProfile = struct('core.AppArmorProfile', () => [['Type', str('core.AppArmorProfileType')], ['LocalhostProfile', ptr(str())]]);
const SecurityContext = struct('core.SecurityContext', () => [
  ['Capabilities', ptr(Capabilities)], ['Privileged', ptr(bool)], ['SELinuxOptions', ptr(SELinuxOptions), 'seLinuxOptions'], ['WindowsOptions', ptr(WindowsOptions)],
  ['RunAsUser', ptr(i64)], ['RunAsGroup', ptr(i64)], ['RunAsNonRoot', ptr(bool)], ['ReadOnlyRootFilesystem', ptr(bool)], ['AllowPrivilegeEscalation', ptr(bool)],
  ['ProcMount', ptr(str('core.ProcMountType'))], ['SeccompProfile', ptr(SeccompProfile)], ['AppArmorProfile', ptr(AppArmorProfile)],
]);
const Container = struct('core.Container', () => [
  ['Name', str()], ['Image', str()], ['Command', slice(str())], ['Args', slice(str())], ['WorkingDir', str()], ['Ports', slice(ContainerPort)],
  ['EnvFrom', slice(EnvFromSource)], ['Env', slice(EnvVar)], ['Resources', ResourceRequirements], ['ResizePolicy', slice(ContainerResizePolicy)],
  ['RestartPolicy', ptr(str('core.ContainerRestartPolicy'))], ['VolumeMounts', slice(VolumeMount)], ['VolumeDevices', slice(VolumeDevice)],
  ['LivenessProbe', ptr(Probe)], ['ReadinessProbe', ptr(Probe)], ['StartupProbe', ptr(Probe)], ['Lifecycle', ptr(Lifecycle)],
  ['TerminationMessagePath', str()], ['TerminationMessagePolicy', str('core.TerminationMessagePolicy')], ['ImagePullPolicy', str('core.PullPolicy')],
  ['SecurityContext', ptr(SecurityContext)], ['Stdin', bool], ['StdinOnce', bool], ['TTY', bool, 'tty'],
]);
const KeyToPath = struct('core.KeyToPath', () => [['Key', str()], ['Path', str()], ['Mode', ptr(i32)]]);
const DownwardAPIVolumeFile = struct('core.DownwardAPIVolumeFile', () => [['Path', str()], ['FieldRef', ptr(ObjectFieldSelector)], ['ResourceFieldRef', ptr(ResourceFieldSelector)], ['Mode', ptr(i32)]]);
const Projection = (name: string) => struct(name, () => [['LocalObjectReference', LocalObjectReference, ''], ['Items', slice(KeyToPath)], ['Optional', ptr(bool)]]);
const VolumeProjection = struct('core.VolumeProjection', () => [
  ['Secret', ptr(Projection('core.SecretProjection'))], ['DownwardAPI', ptr(struct('core.DownwardAPIProjection', () => [['Items', slice(DownwardAPIVolumeFile)]])), 'downwardAPI'],
  ['ConfigMap', ptr(Projection('core.ConfigMapProjection'))],
  ['ServiceAccountToken', ptr(struct('core.ServiceAccountTokenProjection', () => [['Audience', str()], ['ExpirationSeconds', i64], ['Path', str()]]))],
  ['ClusterTrustBundle', ptr(struct('core.ClusterTrustBundleProjection', () => [['Name', ptr(str())], ['SignerName', ptr(str())], ['Path', str()], ['Optional', ptr(bool)]]))],
]);
const VolumeSource = struct('core.VolumeSource', () => [
  ['HostPath', ptr(struct('core.HostPathVolumeSource', () => [['Path', str()], ['Type', ptr(str('core.HostPathType'))]]))],
  ['EmptyDir', ptr(struct('core.EmptyDirVolumeSource', () => [['Medium', str('core.StorageMedium')], ['SizeLimit', ptr(quantity)]]))],
  ['Secret', ptr(struct('core.SecretVolumeSource', () => [['SecretName', str()], ['Items', slice(KeyToPath)], ['DefaultMode', ptr(i32)], ['Optional', ptr(bool)]]))],
  ['NFS', ptr(struct('core.NFSVolumeSource', () => [['Server', str()], ['Path', str()], ['ReadOnly', bool]])), 'nfs'],
  ['PersistentVolumeClaim', ptr(struct('core.PersistentVolumeClaimVolumeSource', () => [['ClaimName', str()], ['ReadOnly', bool]]))],
  ['DownwardAPI', ptr(struct('core.DownwardAPIVolumeSource', () => [['Items', slice(DownwardAPIVolumeFile)], ['DefaultMode', ptr(i32)]])), 'downwardAPI'],
  ['ConfigMap', ptr(struct('core.ConfigMapVolumeSource', () => [['LocalObjectReference', LocalObjectReference, ''], ['Items', slice(KeyToPath)], ['DefaultMode', ptr(i32)], ['Optional', ptr(bool)]]))],
  ['Projected', ptr(struct('core.ProjectedVolumeSource', () => [['Sources', slice(VolumeProjection)], ['DefaultMode', ptr(i32)]]))],
  ['CSI', ptr(struct('core.CSIVolumeSource', () => [['Driver', str()], ['ReadOnly', ptr(bool)], ['FSType', ptr(str()), 'fsType'], ['VolumeAttributes', strMap], ['NodePublishSecretRef', ptr(LocalObjectReference)]])), 'csi'],
]);
const Volume = struct('core.Volume', () => [['Name', str()], ['VolumeSource', VolumeSource, '']]);
const Sysctl = struct('core.Sysctl', () => [['Name', str()], ['Value', str()]]);
const PodSecurityContext = struct('core.PodSecurityContext', () => [
  ['HostNetwork', bool], ['HostPID', bool, 'hostPID'], ['HostIPC', bool, 'hostIPC'], ['ShareProcessNamespace', ptr(bool)], ['HostUsers', ptr(bool)],
  ['SELinuxOptions', ptr(SELinuxOptions), 'seLinuxOptions'], ['WindowsOptions', ptr(WindowsOptions)], ['RunAsUser', ptr(i64)], ['RunAsGroup', ptr(i64)],
  ['RunAsNonRoot', ptr(bool)], ['SupplementalGroups', slice(i64)], ['FSGroup', ptr(i64), 'fsGroup'], ['FSGroupChangePolicy', ptr(str('core.PodFSGroupChangePolicy')), 'fsGroupChangePolicy'],
  ['Sysctls', slice(Sysctl)], ['SeccompProfile', ptr(SeccompProfile)], ['AppArmorProfile', ptr(AppArmorProfile)],
]);
const Toleration = struct('core.Toleration', () => [['Key', str()], ['Operator', str('core.TolerationOperator')], ['Value', str()], ['Effect', str('core.TaintEffect')], ['TolerationSeconds', ptr(i64)]]);
const HostAlias = struct('core.HostAlias', () => [['IP', str(), 'ip'], ['Hostnames', slice(str())]]);
const PodDNSConfig = struct('core.PodDNSConfig', () => [['Nameservers', slice(str())], ['Searches', slice(str())], ['Options', slice(struct('core.PodDNSConfigOption', () => [['Name', str()], ['Value', ptr(str())]]))]]);
const LabelSelectorRequirement = struct('v1.LabelSelectorRequirement', () => [['Key', str()], ['Operator', str('v1.LabelSelectorOperator')], ['Values', slice(str())]]);
const LabelSelector = struct('v1.LabelSelector', () => [['MatchLabels', strMap], ['MatchExpressions', slice(LabelSelectorRequirement)]]);
const TopologySpreadConstraint = struct('core.TopologySpreadConstraint', () => [
  ['MaxSkew', i32], ['TopologyKey', str()], ['WhenUnsatisfiable', str('core.UnsatisfiableConstraintAction')], ['LabelSelector', ptr(LabelSelector)],
  ['MinDomains', ptr(i32)], ['NodeAffinityPolicy', ptr(str('core.NodeInclusionPolicy'))], ['NodeTaintsPolicy', ptr(str('core.NodeInclusionPolicy'))], ['MatchLabelKeys', slice(str())],
]);
const NodeSelectorRequirement = struct('core.NodeSelectorRequirement', () => [['Key', str()], ['Operator', str('core.NodeSelectorOperator')], ['Values', slice(str())]]);
const NodeSelectorTerm = struct('core.NodeSelectorTerm', () => [['MatchExpressions', slice(NodeSelectorRequirement)], ['MatchFields', slice(NodeSelectorRequirement)]]);
const PodAffinityTerm = struct('core.PodAffinityTerm', () => [['LabelSelector', ptr(LabelSelector)], ['Namespaces', slice(str())], ['TopologyKey', str()], ['NamespaceSelector', ptr(LabelSelector)], ['MatchLabelKeys', slice(str())], ['MismatchLabelKeys', slice(str())]]);
const WeightedPodAffinityTerm = struct('core.WeightedPodAffinityTerm', () => [['Weight', i32], ['PodAffinityTerm', PodAffinityTerm]]);
const PodAffinity = (name: string) => struct(name, () => [['RequiredDuringSchedulingIgnoredDuringExecution', slice(PodAffinityTerm)], ['PreferredDuringSchedulingIgnoredDuringExecution', slice(WeightedPodAffinityTerm)]]);
const Affinity = struct('core.Affinity', () => [
  ['NodeAffinity', ptr(struct('core.NodeAffinity', () => [
    ['RequiredDuringSchedulingIgnoredDuringExecution', ptr(struct('core.NodeSelector', () => [['NodeSelectorTerms', slice(NodeSelectorTerm)]]))],
    ['PreferredDuringSchedulingIgnoredDuringExecution', slice(struct('core.PreferredSchedulingTerm', () => [['Weight', i32], ['Preference', NodeSelectorTerm]]))],
  ]))],
  ['PodAffinity', ptr(PodAffinity('core.PodAffinity'))], ['PodAntiAffinity', ptr(PodAffinity('core.PodAntiAffinity'))],
]);
const PodSpec = struct('core.PodSpec', () => [
  ['Volumes', slice(Volume)], ['InitContainers', slice(Container)], ['Containers', slice(Container)], ['EphemeralContainers', slice(Container)],
  ['RestartPolicy', str('core.RestartPolicy')], ['TerminationGracePeriodSeconds', ptr(i64)], ['ActiveDeadlineSeconds', ptr(i64)],
  ['DNSPolicy', str('core.DNSPolicy'), 'dnsPolicy'], ['NodeSelector', strMap], ['ServiceAccountName', str()], ['AutomountServiceAccountToken', ptr(bool)],
  ['NodeName', str()], ['SecurityContext', ptr(PodSecurityContext)], ['ImagePullSecrets', slice(LocalObjectReference)], ['Hostname', str()],
  ['Subdomain', str()], ['SetHostnameAsFQDN', ptr(bool), 'setHostnameAsFQDN'], ['Affinity', ptr(Affinity)], ['SchedulerName', str()],
  ['Tolerations', slice(Toleration)], ['HostAliases', slice(HostAlias)], ['PriorityClassName', str()], ['Priority', ptr(i32)],
  ['PreemptionPolicy', ptr(str('core.PreemptionPolicy'))], ['DNSConfig', ptr(PodDNSConfig), 'dnsConfig'], ['ReadinessGates', slice(struct('core.PodReadinessGate', () => [['ConditionType', str('core.PodConditionType')]]))],
  ['RuntimeClassName', ptr(str())], ['Overhead', ResourceList], ['EnableServiceLinks', ptr(bool)], ['TopologySpreadConstraints', slice(TopologySpreadConstraint)],
  ['OS', ptr(struct('core.PodOS', () => [['Name', str('core.OSName')]])), 'os'], ['SchedulingGates', slice(struct('core.PodSchedulingGate', () => [['Name', str()]]))],
  ['ResourceClaims', slice(struct('core.PodResourceClaim', () => [['Name', str()], ['Source', struct('core.ClaimSource', () => [['ResourceClaimName', ptr(str())], ['ResourceClaimTemplateName', ptr(str())]])]]))],
]);
void INLINE;

/** v1 JSON → the Go value of an internal type (struct: object keyed by Go field names). */
function toGo(t: GoType, v: unknown): unknown {
  switch (t.k) {
    case 'ptr': return v === undefined || v === null ? null : toGo(t.elem, v);
    case 'slice': return Array.isArray(v) ? v.map((x) => toGo(t.elem, x)) : null;
    case 'map': return isRecord(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toGo(t.elem, x)])) : null;
    case 'string': return v === undefined || v === null ? '' : String(v);
    case 'bool': return v === true || v === 'true';
    case 'int': case 'int32': case 'int64': return typeof v === 'number' ? v : Number(v ?? 0) || 0;
    case 'quantity': return v === undefined || v === null ? '' : String(v);
    case 'struct': {
      if (t === IntOrString) return typeof v === 'string' && !/^\d+$/.test(v) ? { Type: 1, StrVal: v } : { IntVal: Number(v ?? 0) };
      const o = isRecord(v) ? v : {};
      const fields = t.fields();
      const names = JSON_NAMES.get(t) as Map<string, string>;
      const out: Record<string, unknown> = {};
      for (const [go, ft] of fields) {
        const json = names.get(go) ?? go;
        out[go] = json === '' ? toGo(ft, o) : toGo(ft, o[json]);
      }
      return out;
    }
  }
}

/** A v1 PodSpec as the internal core.PodSpec (host namespaces live in its SecurityContext). */
function internalSpec(spec: Record<string, unknown>): unknown {
  const sc = isRecord(spec['securityContext']) ? spec['securityContext'] : null;
  const hostFields = ['hostNetwork', 'hostPID', 'hostIPC', 'shareProcessNamespace', 'hostUsers'];
  const withHost = sc || hostFields.some((k) => spec[k] !== undefined)
    ? { ...(sc ?? {}), ...Object.fromEntries(hostFields.filter((k) => spec[k] !== undefined).map((k) => [k, spec[k]])) }
    : undefined;
  return toGo(PodSpec, { ...spec, securityContext: withHost });
}

const rec = (v: unknown): Record<string, unknown> => (isRecord(v) ? v : {});
const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter(isRecord) : []);

/**
 * The field errors of updating a pod from `oldSpec` to `newSpec` (v1 JSON, defaulted): empty when
 * the update is allowed. Each is `field: ErrorBody`, ready for `The Pod "x" is invalid: `.
 */
export function podUpdateErrors(oldSpec: Record<string, unknown>, newSpec: Record<string, unknown>): string[] {
  const errs: string[] = [];
  for (const [key, path] of [['containers', 'spec.containers'], ['initContainers', 'spec.initContainers']] as const) {
    const n = list(newSpec[key]);
    const o = list(oldSpec[key]);
    if (n.length !== o.length) return [...errs, `${path}: Forbidden: pod updates may not add or remove containers`];
    n.forEach((c, i) => {
      const image = typeof c['image'] === 'string' ? c['image'] : '';
      if (image === '') errs.push(`${path}[${i}].image: Required value`);
      else if (image.trim() !== image) errs.push(`${path}[${i}].image: Invalid value: ${JSON.stringify(image)}: must not have leading or trailing whitespace`);
    });
  }
  // activeDeadlineSeconds may be set, or lowered; never removed or raised.
  const oldAds = oldSpec['activeDeadlineSeconds'];
  const newAds = newSpec['activeDeadlineSeconds'];
  if (typeof oldAds === 'number') {
    if (typeof newAds !== 'number') errs.push('spec.activeDeadlineSeconds: Invalid value: "null": must not update from a positive integer to nil value');
    else if (newAds > oldAds) errs.push(`spec.activeDeadlineSeconds: Invalid value: ${newAds}: must be less than or equal to previous value`);
  }
  // validateOnlyAddedTolerations: every old toleration must still be there (tolerationSeconds may change).
  const newTols = list(newSpec['tolerations']);
  for (const old of list(oldSpec['tolerations'])) {
    const same = (t: Record<string, unknown>) => t['key'] === old['key'] && (t['operator'] ?? 'Equal') === (old['operator'] ?? 'Equal') && (t['value'] ?? '') === (old['value'] ?? '') && (t['effect'] ?? '') === (old['effect'] ?? '');
    if (!newTols.some(same)) {
      errs.push('spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds');
      break;
    }
  }
  // The munged spec: what may change takes its old value.
  const munged = structuredClone(newSpec);
  const oc = list(oldSpec['containers']);
  list(munged['containers']).forEach((c, i) => { c['image'] = oc[i]?.['image']; });
  const oi = list(oldSpec['initContainers']);
  list(munged['initContainers']).forEach((c, i) => { c['image'] = oi[i]?.['image']; });
  setOrDelete(munged, 'activeDeadlineSeconds', oldSpec['activeDeadlineSeconds']);
  setOrDelete(munged, 'schedulingGates', oldSpec['schedulingGates']);
  setOrDelete(munged, 'tolerations', oldSpec['tolerations']);
  const oldGrace = oldSpec['terminationGracePeriodSeconds'];
  if (typeof oldGrace === 'number' && oldGrace < 0 && munged['terminationGracePeriodSeconds'] === 1) munged['terminationGracePeriodSeconds'] = oldGrace;
  const diff = cmpDiff(PodSpec, internalSpec(oldSpec), internalSpec(munged));
  if (diff !== '') errs.push(`spec: Forbidden: pod updates may not change fields other than ${UPDATABLE.join(',')}\n${diff}`);
  return errs;
}

/**
 * The mutating admission an update goes through before ValidatePodUpdate, v1.30: DefaultTolerationSeconds
 * (plugin/pkg/admission/defaulttolerationseconds: NewHandler(admission.Create, admission.Update)) adds
 * the not-ready and unreachable NoExecute tolerations (300 s) unless one already tolerates that taint
 * (same key or an empty key, effect NoExecute or empty); Priority (plugin/pkg/admission/priority
 * admitPod: "Ensure the existing priority is preserved on update") copies the old priority and
 * preemptionPolicy when the new spec has none. So `kubectl replace -f` with a spec that never listed
 * them is not an "existing toleration" change.
 */
export function admitPodUpdate(oldSpec: Record<string, unknown>, newSpec: Record<string, unknown>): Record<string, unknown> {
  const spec = structuredClone(newSpec);
  const tolerations = list(spec['tolerations']);
  const tolerates = (key: string) => tolerations.some((t) => (t['key'] === key || t['key'] === undefined || t['key'] === '') && (t['effect'] === 'NoExecute' || t['effect'] === undefined || t['effect'] === ''));
  const added = ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']
    .filter((key) => !tolerates(key))
    .map((key) => ({ effect: 'NoExecute', key, operator: 'Exists', tolerationSeconds: 300 }));
  if (added.length) spec['tolerations'] = [...tolerations, ...added];
  for (const k of ['priority', 'preemptionPolicy']) if (spec[k] === undefined && oldSpec[k] !== undefined) spec[k] = structuredClone(oldSpec[k]);
  return spec;
}

function setOrDelete(o: Record<string, unknown>, k: string, v: unknown): void {
  if (v === undefined) delete o[k];
  else o[k] = structuredClone(v);
}

/** apimachinery errors.NewInvalid as kubectl prints it (MultilineError): one cause inline, several as `* ` lines. */
export function invalidMessage(kind: string, name: string, causes: readonly string[]): string {
  const unique = [...new Set(causes)];
  if (unique.length === 1) return `The ${kind} "${name}" is invalid: ${unique[0]}\n`;
  return `The ${kind} "${name}" is invalid: \n${unique.map((c) => `* ${c}`).join('\n')}\n`;
}

/** For tests: the internal-type diff of two v1 pod specs. */
export function podSpecDiff(oldSpec: Record<string, unknown>, newSpec: Record<string, unknown>): string {
  return cmpDiff(PodSpec, internalSpec(oldSpec), internalSpec(newSpec));
}

void rec;
