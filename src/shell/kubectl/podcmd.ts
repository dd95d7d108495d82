import type { ContainerReport, PodReport } from '../../engine/index.js';
import type { Ctx } from '../context.js';

/**
 * kubectl pkg/cmd/util/podcmd FindOrDefaultContainerByName with no name given: the container the
 * `kubectl.kubernetes.io/default-container` annotation names, else the first one, saying so on
 * stderr (`Defaulted container "app" out of: app, sidecar, init (init)`, AllContainerNames) when
 * the pod has more than one container or any init container; `-q` keeps it quiet.
 */
export function defaultContainer(ctx: Ctx, pod: PodReport, quiet: boolean): ContainerReport | undefined {
  const named = pod.pod.annotations['kubectl.kubernetes.io/default-container'];
  if (named) {
    const c = [...pod.containers, ...pod.initContainers].find((x) => x.container.name === named);
    if (c) return c;
  }
  const first = pod.containers[0];
  if (first && !quiet && (pod.containers.length > 1 || pod.initContainers.length > 0)) {
    const all = [...pod.containers.map((c) => c.container.name), ...pod.initContainers.map((c) => `${c.container.name} (init)`)];
    ctx.out.errLine(`Defaulted container "${first.container.name}" out of: ${all.join(', ')}`);
  }
  return first;
}
