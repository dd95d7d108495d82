import { stepCases } from '../step-cases.js';

// Right and wrong attempts at every step (issue 17). See ../step-cases.ts.

const RUN = 'docker run -d --name sleeper ubuntu sleep 3600';
const USER_LINE = { file: 'Dockerfile', find: 'FROM ubuntu\n', replace: 'FROM ubuntu\nUSER 1000\n' };
const DATE = "date -s '2012-04-19 11:14:00'";
const BUILD = 'docker build -t my-ubuntu-image .';

stepCases('docker-security', {
  isolation: [
    { name: '"PID 1"', pass: true, answer: 'PID 1' },
    { name: 'no name, exec by id prefix, ps without options', pass: true,
      commands: ['docker run -d ubuntu sleep 3600', 'docker exec c852 ps', 'ps aux'], answer: '1번' },
    { name: 'answers the host PID', pass: false, answer: '3222' },
    { name: 'never looked inside the container', pass: false, commands: [RUN, 'ps aux'] },
    { name: 'ps inside before the container ran (no such container)', pass: false,
      commands: ['docker exec sleeper ps aux', 'docker run -d --name other ubuntu sleep 3600', 'ps aux'] },
    { name: 'never ran ps on the host', pass: false, commands: [RUN, 'docker exec sleeper ps aux'] },
  ],
  'host-pid': [
    { name: 'the Korean choice', pass: true, answer: '호스트의 PID 네임스페이스가 매긴 다른 번호' },
    { name: '"a different PID"', pass: true, answer: 'a different PID' },
    { name: 'answers 1, the same as inside', pass: false, answer: '1, the same as inside' },
    { name: 'answers that the host cannot see it', pass: false, answer: '없음: 호스트에서는 보이지 않음' },
    { name: 'answers PID 1', pass: false, answer: 'PID 1' },
  ],
  'user-flag': [
    { name: '--user 1000:1000 (user and group)', pass: true, commands: ['docker run -d --user 1000:1000 ubuntu sleep 3600', 'ps aux'] },
    { name: '-u 1000, answer "UID 1000"', pass: true, commands: ['docker run -d -u 1000 ubuntu sleep 3600', 'ps aux'], answer: 'UID 1000' },
    { name: 'answers ubuntu, the image\'s name for 1000 (the host has none)', pass: false, answer: 'ubuntu' },
    { name: 'answers root', pass: false, answer: 'root' },
    { name: 'another UID', pass: false, commands: ['docker run -d --user=1001 ubuntu sleep 3600', 'ps aux'] },
    { name: 'ps aux before the container ran', pass: false, commands: ['ps aux', 'docker run -d --user=1000 ubuntu sleep 3600'] },
  ],
  'dockerfile-user': [
    { name: 'USER 1000:1000', pass: true, patch: [{ ...USER_LINE, replace: 'FROM ubuntu\nUSER 1000:1000\n' }] },
    { name: '--tag and an explicit :latest', pass: true,
      commands: ['docker build --tag my-ubuntu-image:latest .', 'docker run -d my-ubuntu-image:latest sleep 3600', 'ps aux'] },
    { name: 'built before USER was added, never rebuilt', pass: false, patch: [],
      commands: [BUILD], more: { patch: [USER_LINE], commands: ['docker run -d my-ubuntu-image sleep 3600', 'ps aux'] }, because: 'USER 1000' },
    { name: 'checked with docker exec whoami instead of ps', pass: true,
      commands: [BUILD, 'docker run -d --name built my-ubuntu-image sleep 3600', 'docker exec built whoami'] },
    { name: 'ran the image before building it', pass: false,
      commands: ['docker run -d ubuntu sleep 3600', BUILD, 'ps aux'] },
    { name: 'USER root', pass: false, patch: [{ ...USER_LINE, replace: 'FROM ubuntu\nUSER root\n' }] },
    { name: 'another tag than the one run', pass: false,
      commands: ['docker build -t my-image .', 'docker run -d my-ubuntu-image sleep 3600', 'ps aux'] },
  ],
  capabilities: [
    { name: 'lower-case names with CAP_ and = forms', pass: true,
      commands: ['docker run --cap-add=cap_mac_admin ubuntu', 'docker run --cap-drop=kill ubuntu', 'docker run --privileged=true ubuntu'] },
    { name: 'answer without the dashes', pass: true, answer: 'privileged' },
    { name: 'answers --cap-add=ALL (every capability, but not the rest of --privileged)', pass: false, answer: '--cap-add=ALL' },
    { name: 'added SYS_ADMIN instead of MAC_ADMIN', pass: false,
      commands: ['docker run --cap-add SYS_ADMIN ubuntu', 'docker run --cap-drop KILL ubuntu', 'docker run --privileged ubuntu'] },
    { name: 'dropped ALL instead of KILL', pass: false,
      commands: ['docker run --cap-add MAC_ADMIN ubuntu', 'docker run --cap-drop ALL ubuntu', 'docker run --privileged ubuntu'] },
    { name: 'a typo in the capability (the daemon refuses it)', pass: false,
      commands: ['docker run --cap-add MAC_ADMINN ubuntu', 'docker run --cap-drop KILL ubuntu', 'docker run --privileged ubuntu'] },
  ],
  'sys-time': [
    { name: '--cap-add=CAP_SYS_TIME and --set=, answer CAP_SYS_TIME', pass: true,
      commands: [`docker run ubuntu ${DATE}`, "docker run --cap-add=CAP_SYS_TIME ubuntu date --set='2012-04-19 11:14:00'"], answer: 'CAP_SYS_TIME' },
    { name: 'lower case sys_time, a tagged image, answer sys_time', pass: true,
      commands: [`docker run --rm ubuntu:24.04 ${DATE}`, `docker run --rm --cap-add sys_time ubuntu:24.04 ${DATE}`], answer: 'sys_time' },
    { name: 'only ran it with the capability (never saw it refused)', pass: false, commands: [`docker run --cap-add SYS_TIME ubuntu ${DATE}`] },
    { name: '--privileged instead of SYS_TIME', pass: false, commands: [`docker run ubuntu ${DATE}`, `docker run --privileged ubuntu ${DATE}`] },
    { name: 'SYS_TIME as a non-root user (no effective capabilities: still refused)', pass: false,
      commands: [`docker run ubuntu ${DATE}`, `docker run --cap-add SYS_TIME --user 1000 ubuntu ${DATE}`] },
    { name: 'answers SYS_ADMIN', pass: false, answer: 'SYS_ADMIN' },
  ],
});
