/**
 * Policies the journeys type into the lab, written once. DB_POLICY is the answer to the first step
 * of "Developing network policies" (lessons/developing-network-policies/steps/db-policy.*.md), with
 * its namespace spelled out: only `name: api-pod` pods reach `role: db` pods, on TCP 3306.
 */
export const DB_POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db-policy
  namespace: default
spec:
  podSelector:
    matchLabels:
      role: db
  policyTypes:
  - Ingress
  ingress:
  - from:
    - podSelector:
        matchLabels:
          name: api-pod
    ports:
    - protocol: TCP
      port: 3306
`;
