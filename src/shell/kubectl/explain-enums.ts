/**
 * Enum values kubectl explain shows (`enum: A, B, ....` / `ENUM:`): the constants of the `+enum`
 * string types of k8s.io/api core/v1 (v0.30.3 types.go), sorted, for the (non-list) fields of
 * src/schema/kubernetes.schema.json that have such a type. The schema itself carries no enums.
 */
export const EXPLAIN_ENUMS: Readonly<Record<string, readonly string[]>> = {
  'AppArmorProfile.type': ['Localhost', 'RuntimeDefault', 'Unconfined'],
  'AzureDiskVolumeSource.cachingMode': ['None', 'ReadOnly', 'ReadWrite'],
  'AzureDiskVolumeSource.kind': ['Dedicated', 'Managed', 'Shared'],
  'Container.imagePullPolicy': ['Always', 'IfNotPresent', 'Never'],
  'Container.terminationMessagePolicy': ['FallbackToLogsOnError', 'File'],
  'ContainerPort.protocol': ['SCTP', 'TCP', 'UDP'],
  'EndpointPort.protocol': ['SCTP', 'TCP', 'UDP'],
  'EphemeralContainer.imagePullPolicy': ['Always', 'IfNotPresent', 'Never'],
  'EphemeralContainer.terminationMessagePolicy': ['FallbackToLogsOnError', 'File'],
  'HTTPGetAction.scheme': ['HTTP', 'HTTPS'],
  'HostPathVolumeSource.type': ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'],
  'NamespaceStatus.phase': ['Active', 'Terminating'],
  'NodeSelectorRequirement.operator': ['DoesNotExist', 'Exists', 'Gt', 'In', 'Lt', 'NotIn'],
  'PersistentVolumeClaimSpec.volumeMode': ['Block', 'Filesystem'],
  'PersistentVolumeClaimStatus.phase': ['Bound', 'Lost', 'Pending'],
  'PodSecurityContext.fsGroupChangePolicy': ['Always', 'OnRootMismatch'],
  'PodSpec.dnsPolicy': ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'],
  'PodSpec.preemptionPolicy': ['Never', 'PreemptLowerPriority'],
  'PodSpec.restartPolicy': ['Always', 'Never', 'OnFailure'],
  'PodStatus.phase': ['Failed', 'Pending', 'Running', 'Succeeded', 'Unknown'],
  'PodStatus.qosClass': ['BestEffort', 'Burstable', 'Guaranteed'],
  'PortStatus.protocol': ['SCTP', 'TCP', 'UDP'],
  'SeccompProfile.type': ['Localhost', 'RuntimeDefault', 'Unconfined'],
  'SecurityContext.procMount': ['Default', 'Unmasked'],
  'ServicePort.protocol': ['SCTP', 'TCP', 'UDP'],
  'ServiceSpec.externalTrafficPolicy': ['Cluster', 'Local'],
  'ServiceSpec.internalTrafficPolicy': ['Cluster', 'Local'],
  'ServiceSpec.ipFamilyPolicy': ['PreferDualStack', 'RequireDualStack', 'SingleStack'],
  'ServiceSpec.sessionAffinity': ['ClientIP', 'None'],
  'ServiceSpec.type': ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'],
  'Toleration.effect': ['NoExecute', 'NoSchedule', 'PreferNoSchedule'],
  'Toleration.operator': ['Equal', 'Exists'],
  'TopologySpreadConstraint.nodeAffinityPolicy': ['Honor', 'Ignore'],
  'TopologySpreadConstraint.nodeTaintsPolicy': ['Honor', 'Ignore'],
  'TopologySpreadConstraint.whenUnsatisfiable': ['DoNotSchedule', 'ScheduleAnyway'],
  'VolumeMount.mountPropagation': ['Bidirectional', 'HostToContainer', 'None'],
};

/** Fields marked `+required` in core/v1 types.go that kubernetes-types does not list as required. */
export const EXPLAIN_REQUIRED: Readonly<Record<string, readonly string[]>> = { HostAlias: ['ip'] };
