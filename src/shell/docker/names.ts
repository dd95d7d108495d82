import { hexId } from '../encode.js';

// A few of moby's words (moby internal/namesgenerator/names-generator.go `left` and `right`).
const LEFT = ['admiring', 'brave', 'clever', 'eager', 'focused', 'gifted', 'happy', 'jolly', 'keen', 'quirky'];
const RIGHT = ['turing', 'hopper', 'lovelace', 'knuth', 'ritchie', 'thompson', 'torvalds', 'hamilton', 'curie', 'noether'];

/** moby namesgenerator.GetRandomName(retry): `adjective_surname`, plus one digit 0-9 when retry > 0. */
function randomName(id: string, retry: number): string {
  const h = hexId(`name-${id}-${retry}`);
  const pick = (from: number, n: number) => parseInt(h.slice(from, from + 4), 16) % n;
  const name = `${LEFT[pick(0, LEFT.length)]}_${RIGHT[pick(4, RIGHT.length)]}`;
  return retry > 0 ? `${name}${pick(8, 10)}` : name;
}

/**
 * moby daemon/names.go generateAndReserveName: up to 6 tries of GetRandomName(i), skipping a name
 * another container holds (ReserveName's conflict), then the container's short id. The lab's
 * "random" is the container id's hash, so a session replays the same names.
 */
export function generateName(id: string, taken: (name: string) => boolean): string {
  for (let i = 0; i < 6; i++) {
    const name = randomName(id, i);
    if (!taken(name)) return name;
  }
  return id.slice(0, 12);
}
