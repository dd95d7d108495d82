import type { ShellRuntime } from '../types.js';
import { NODE_IP, NODE_NAME } from '../context.js';

/**
 * Files of the exam host that the lab generates: an Ubuntu 22.04 kubeadm control plane as the
 * CKA/CKS environments run (kubeconfig from the terminal's contexts, /etc/hosts with the nodes).
 */
const OS_RELEASE = `PRETTY_NAME="Ubuntu 22.04.4 LTS"
NAME="Ubuntu"
VERSION_ID="22.04"
VERSION="22.04.4 LTS (Jammy Jellyfish)"
VERSION_CODENAME=jammy
ID=ubuntu
ID_LIKE=debian
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
UBUNTU_CODENAME=jammy
`;

const PASSWD = `root:x:0:0:root:/root:/bin/bash
daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
bin:x:2:2:bin:/bin:/usr/sbin/nologin
sys:x:3:3:sys:/dev:/usr/sbin/nologin
sync:x:4:65534:sync:/bin:/bin/sync
games:x:5:60:games:/usr/games:/usr/sbin/nologin
man:x:6:12:man:/var/cache/man:/usr/sbin/nologin
lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin
mail:x:8:8:mail:/var/mail:/usr/sbin/nologin
news:x:9:9:news:/var/spool/news:/usr/sbin/nologin
uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin
proxy:x:13:13:proxy:/bin:/usr/sbin/nologin
www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
backup:x:34:34:backup:/var/backups:/usr/sbin/nologin
list:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin
irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
systemd-network:x:100:102:systemd Network Management,,,:/run/systemd:/usr/sbin/nologin
systemd-resolve:x:101:103:systemd Resolver,,,:/run/systemd:/usr/sbin/nologin
messagebus:x:102:105::/nonexistent:/usr/sbin/nologin
sshd:x:104:65534::/run/sshd:/usr/sbin/nologin
`;

const BASHRC = `# ~/.bashrc: executed by bash(1) for non-login shells.
source <(kubectl completion bash)
alias k=kubectl
complete -o default -F __start_kubectl k
`;

function kubeconfig(rt: ShellRuntime): string {
  const names = Object.keys(rt.namespaces).sort();
  return `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUMvakNDQWVhZ0F3SUJBZ0lCQURBTkJna3Foa2lHOXcwQkFRc0ZBREFWTVJNd0VRWURWUVFERXdwcmRXSmwKY201bGRHVnpNQjRYRFRJMk1USXdOakV3TURBd01Gb1hEVE0yTVRJd05ERXdNREF3TUZvd0ZURVRNQkVHQTFVRQpBeE1LYTNWaVpYSnVaWFJsY3pDQ0FTSXdEUVlKS29aSWh2Y05BUUVCQlFBRGdnRVBBRENDQVFvQ2dnRUJBTGFiCi0tLS0tRU5EIENFUlRJRklDQVRFLS0tLS0K
    server: https://${NODE_IP}:6443
  name: kubernetes
contexts:
${names.map((n) => `- context:\n    cluster: kubernetes\n${rt.namespaces[n] ? `    namespace: ${rt.namespaces[n]}\n` : ''}    user: kubernetes-admin\n  name: ${n}\n`).join('')}current-context: ${rt.context}
kind: Config
preferences: {}
users:
- name: kubernetes-admin
  user:
    client-certificate-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg==
    client-key-data: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQo=
`;
}

/** The content of a generated host file, or null. */
export function hostFile(path: string, rt: ShellRuntime): string | null {
  switch (path) {
    case '/etc/hostname': return `${NODE_NAME}\n`;
    case '/etc/hosts': return `127.0.0.1 localhost\n${NODE_IP} ${NODE_NAME}\n192.168.121.11 node01\n192.168.121.12 node02\n\n# The following lines are desirable for IPv6 capable hosts\n::1 ip6-localhost ip6-loopback\nfe00::0 ip6-localnet\nff00::0 ip6-mcastprefix\nff02::1 ip6-allnodes\nff02::2 ip6-allrouters\n`;
    case '/etc/os-release': return OS_RELEASE;
    case '/etc/passwd': return PASSWD;
    case '/etc/group': return 'root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nadm:x:4:syslog\ntty:x:5:\ndisk:x:6:\nsudo:x:27:\nwww-data:x:33:\nusers:x:100:\nnogroup:x:65534:\n';
    case '/etc/resolv.conf': return 'nameserver 127.0.0.53\noptions edns0 trust-ad\nsearch .\n';
    case '/root/.kube/config': case '/etc/kubernetes/admin.conf': return kubeconfig(rt);
    case '/root/.bashrc': return BASHRC;
    case '/root/.vimrc': return '';
    default: return null;
  }
}
