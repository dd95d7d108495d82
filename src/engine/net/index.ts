export { parseIP, parseIPv4, parseIPv6, isV4Mapped, ipEquals, formatIP, type IP } from './ip.js';
export { parseCIDR, cidrContains, cidrContainsText, type Cidr } from './cidr.js';
export { PROTOCOLS, isProtocol, isValidPort, portKey, comparePortProto, uniquePorts } from './ports.js';
