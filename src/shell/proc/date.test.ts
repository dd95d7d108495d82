// coreutils date(1) in the lab (proc/date.ts, proc/strftime.ts). The BASH rows were captured from GNU
// date 9.1 (coreutils, Debian 12) on this machine, through GNU bash 5.2.15 with
// `bash --norc --noprofile -i -c SCRIPT` in /root, TZ unset (UTC), through
// /work/research/shdiff.mts: every row names its date with -d, so the real clock does not enter. The
// rows whose messages quote were captured again with LANG=C.UTF-8, the lab's host: quote() gives ‘x’.
// The lab's own clock (shell/clock.ts: 2024-05-20 09:00:00 UTC) is pinned below.
import { describe, expect, it } from 'vitest';
import { runHostScript } from '../../testing/shell.js';
import { readDate } from './date.js';
import { strftime } from './strftime.js';

type Row = [script: string, out: string, err: string, rc: number];

const BASH: Row[] = [
  ["date -d '@0' '+%c|%x|%X|%r|%p|%P'", "Thu Jan  1 00:00:00 1970|01/01/70|00:00:00|12:00:00 AM|AM|am\n", "", 0],
  ["date -d '@0' '+%-d|%_m|%05Y|%^a|%#b|%e|%k|%l|%I|%j|%U|%W|%V|%G|%g|%u|%w|%C|%y|%D|%R|%T|%F|%h|%%|%Q|%N|%z|%:z|%::z|%Z|%s|%q'", "1| 1|01970|THU|JAN| 1| 0|12|12|001|00|00|01|1970|70|4|4|19|70|01/01/70|00:00|00:00:00|1970-01-01|Jan|%|%Q|000000000|+0000|+00:00|+00:00:00|UTC|0|1\n", "", 0],
  ["date -d '@0' '+%10A|%-10A|%_5d|%^B|%#Z|%:::z|%E|%Oy|%Ey|%-'", "  Thursday|Thursday|    1|JANUARY|utc|+00|%E|70|70|%-\n", "", 0],
  ["date -d '@0' '+%'", "%\n", "", 0],
  ["date -d '@0' '+%3N|%6N|%-N'", "000|000000|000000000\n", "", 0],
  ["date -d '@0' '+%#p|%^p|%#A|%#a'", "am|AM|THURSDAY|THU\n", "", 0],
  ["date -d '@0' '+%_H|%-H|%0e|%_j|%-j'", " 0|0|01|  1|1\n", "", 0],
  ["date -d '@0' '+%::::z|%:y'", "%::::z|%:y\n", "", 0],
  ["date -d '@0' '+'", "\n", "", 0],
  ["date -d '@1700000000' '+%c|%x|%X|%r|%p|%P'", "Tue Nov 14 22:13:20 2023|11/14/23|22:13:20|10:13:20 PM|PM|pm\n", "", 0],
  ["date -d '@1700000000' '+%-d|%_m|%05Y|%^a|%#b|%e|%k|%l|%I|%j|%U|%W|%V|%G|%g|%u|%w|%C|%y|%D|%R|%T|%F|%h|%%|%Q|%N|%z|%:z|%::z|%Z|%s|%q'", "14|11|02023|TUE|NOV|14|22|10|10|318|46|46|46|2023|23|2|2|20|23|11/14/23|22:13|22:13:20|2023-11-14|Nov|%|%Q|000000000|+0000|+00:00|+00:00:00|UTC|1700000000|4\n", "", 0],
  ["date -d '@1700000000' '+%10A|%-10A|%_5d|%^B|%#Z|%:::z|%E|%Oy|%Ey|%-'", "   Tuesday|Tuesday|   14|NOVEMBER|utc|+00|%E|23|23|%-\n", "", 0],
  ["date -d '@1700000000' '+%'", "%\n", "", 0],
  ["date -d '@1700000000' '+%3N|%6N|%-N'", "000|000000|000000000\n", "", 0],
  ["date -d '@1700000000' '+%#p|%^p|%#A|%#a'", "pm|PM|TUESDAY|TUE\n", "", 0],
  ["date -d '@1700000000' '+%_H|%-H|%0e|%_j|%-j'", "22|22|14|318|318\n", "", 0],
  ["date -d '@1700000000' '+%::::z|%:y'", "%::::z|%:y\n", "", 0],
  ["date -d '@1700000000' '+'", "\n", "", 0],
  ["date -d '@951782400' '+%c|%x|%X|%r|%p|%P'", "Tue Feb 29 00:00:00 2000|02/29/00|00:00:00|12:00:00 AM|AM|am\n", "", 0],
  ["date -d '@951782400' '+%-d|%_m|%05Y|%^a|%#b|%e|%k|%l|%I|%j|%U|%W|%V|%G|%g|%u|%w|%C|%y|%D|%R|%T|%F|%h|%%|%Q|%N|%z|%:z|%::z|%Z|%s|%q'", "29| 2|02000|TUE|FEB|29| 0|12|12|060|09|09|09|2000|00|2|2|20|00|02/29/00|00:00|00:00:00|2000-02-29|Feb|%|%Q|000000000|+0000|+00:00|+00:00:00|UTC|951782400|1\n", "", 0],
  ["date -d '@951782400' '+%10A|%-10A|%_5d|%^B|%#Z|%:::z|%E|%Oy|%Ey|%-'", "   Tuesday|Tuesday|   29|FEBRUARY|utc|+00|%E|00|00|%-\n", "", 0],
  ["date -d '@951782400' '+%'", "%\n", "", 0],
  ["date -d '@951782400' '+%3N|%6N|%-N'", "000|000000|000000000\n", "", 0],
  ["date -d '@951782400' '+%#p|%^p|%#A|%#a'", "am|AM|TUESDAY|TUE\n", "", 0],
  ["date -d '@951782400' '+%_H|%-H|%0e|%_j|%-j'", " 0|0|29| 60|60\n", "", 0],
  ["date -d '@951782400' '+%::::z|%:y'", "%::::z|%:y\n", "", 0],
  ["date -d '@951782400' '+'", "\n", "", 0],
  ["date -d '@1704067200' '+%c|%x|%X|%r|%p|%P'", "Mon Jan  1 00:00:00 2024|01/01/24|00:00:00|12:00:00 AM|AM|am\n", "", 0],
  ["date -d '@1704067200' '+%-d|%_m|%05Y|%^a|%#b|%e|%k|%l|%I|%j|%U|%W|%V|%G|%g|%u|%w|%C|%y|%D|%R|%T|%F|%h|%%|%Q|%N|%z|%:z|%::z|%Z|%s|%q'", "1| 1|02024|MON|JAN| 1| 0|12|12|001|00|01|01|2024|24|1|1|20|24|01/01/24|00:00|00:00:00|2024-01-01|Jan|%|%Q|000000000|+0000|+00:00|+00:00:00|UTC|1704067200|1\n", "", 0],
  ["date -d '@1704067200' '+%10A|%-10A|%_5d|%^B|%#Z|%:::z|%E|%Oy|%Ey|%-'", "    Monday|Monday|    1|JANUARY|utc|+00|%E|24|24|%-\n", "", 0],
  ["date -d '@1704067200' '+%'", "%\n", "", 0],
  ["date -d '@1704067200' '+%3N|%6N|%-N'", "000|000000|000000000\n", "", 0],
  ["date -d '@1704067200' '+%#p|%^p|%#A|%#a'", "am|AM|MONDAY|MON\n", "", 0],
  ["date -d '@1704067200' '+%_H|%-H|%0e|%_j|%-j'", " 0|0|01|  1|1\n", "", 0],
  ["date -d '@1704067200' '+%::::z|%:y'", "%::::z|%:y\n", "", 0],
  ["date -d '@1704067200' '+'", "\n", "", 0],
  ["date -d '@-86400' '+%c|%x|%X|%r|%p|%P'", "Wed Dec 31 00:00:00 1969|12/31/69|00:00:00|12:00:00 AM|AM|am\n", "", 0],
  ["date -d '@-86400' '+%-d|%_m|%05Y|%^a|%#b|%e|%k|%l|%I|%j|%U|%W|%V|%G|%g|%u|%w|%C|%y|%D|%R|%T|%F|%h|%%|%Q|%N|%z|%:z|%::z|%Z|%s|%q'", "31|12|01969|WED|DEC|31| 0|12|12|365|52|52|01|1970|70|3|3|19|69|12/31/69|00:00|00:00:00|1969-12-31|Dec|%|%Q|000000000|+0000|+00:00|+00:00:00|UTC|-86400|4\n", "", 0],
  ["date -d '@-86400' '+%10A|%-10A|%_5d|%^B|%#Z|%:::z|%E|%Oy|%Ey|%-'", " Wednesday|Wednesday|   31|DECEMBER|utc|+00|%E|69|69|%-\n", "", 0],
  ["date -d '@-86400' '+%'", "%\n", "", 0],
  ["date -d '@-86400' '+%3N|%6N|%-N'", "000|000000|000000000\n", "", 0],
  ["date -d '@-86400' '+%#p|%^p|%#A|%#a'", "am|AM|WEDNESDAY|WED\n", "", 0],
  ["date -d '@-86400' '+%_H|%-H|%0e|%_j|%-j'", " 0|0|31|365|365\n", "", 0],
  ["date -d '@-86400' '+%::::z|%:y'", "%::::z|%:y\n", "", 0],
  ["date -d '@-86400' '+'", "\n", "", 0],
  ["date -d '2024-12-30 12:34:56' '+%c|%x|%X|%r|%p|%P'", "Mon Dec 30 12:34:56 2024|12/30/24|12:34:56|12:34:56 PM|PM|pm\n", "", 0],
  ["date -d '2024-12-30 12:34:56' '+%-d|%_m|%05Y|%^a|%#b|%e|%k|%l|%I|%j|%U|%W|%V|%G|%g|%u|%w|%C|%y|%D|%R|%T|%F|%h|%%|%Q|%N|%z|%:z|%::z|%Z|%s|%q'", "30|12|02024|MON|DEC|30|12|12|12|365|52|53|01|2025|25|1|1|20|24|12/30/24|12:34|12:34:56|2024-12-30|Dec|%|%Q|000000000|+0000|+00:00|+00:00:00|UTC|1735562096|4\n", "", 0],
  ["date -d '2024-12-30 12:34:56' '+%10A|%-10A|%_5d|%^B|%#Z|%:::z|%E|%Oy|%Ey|%-'", "    Monday|Monday|   30|DECEMBER|utc|+00|%E|24|24|%-\n", "", 0],
  ["date -d '2024-12-30 12:34:56' '+%'", "%\n", "", 0],
  ["date -d '2024-12-30 12:34:56' '+%3N|%6N|%-N'", "000|000000|000000000\n", "", 0],
  ["date -d '2024-12-30 12:34:56' '+%#p|%^p|%#A|%#a'", "pm|PM|MONDAY|MON\n", "", 0],
  ["date -d '2024-12-30 12:34:56' '+%_H|%-H|%0e|%_j|%-j'", "12|12|30|365|365\n", "", 0],
  ["date -d '2024-12-30 12:34:56' '+%::::z|%:y'", "%::::z|%:y\n", "", 0],
  ["date -d '2024-12-30 12:34:56' '+'", "\n", "", 0],
  ["date -d '2021-01-03' '+%c|%x|%X|%r|%p|%P'", "Sun Jan  3 00:00:00 2021|01/03/21|00:00:00|12:00:00 AM|AM|am\n", "", 0],
  ["date -d '2021-01-03' '+%-d|%_m|%05Y|%^a|%#b|%e|%k|%l|%I|%j|%U|%W|%V|%G|%g|%u|%w|%C|%y|%D|%R|%T|%F|%h|%%|%Q|%N|%z|%:z|%::z|%Z|%s|%q'", "3| 1|02021|SUN|JAN| 3| 0|12|12|003|01|00|53|2020|20|7|0|20|21|01/03/21|00:00|00:00:00|2021-01-03|Jan|%|%Q|000000000|+0000|+00:00|+00:00:00|UTC|1609632000|1\n", "", 0],
  ["date -d '2021-01-03' '+%10A|%-10A|%_5d|%^B|%#Z|%:::z|%E|%Oy|%Ey|%-'", "    Sunday|Sunday|    3|JANUARY|utc|+00|%E|21|21|%-\n", "", 0],
  ["date -d '2021-01-03' '+%'", "%\n", "", 0],
  ["date -d '2021-01-03' '+%3N|%6N|%-N'", "000|000000|000000000\n", "", 0],
  ["date -d '2021-01-03' '+%#p|%^p|%#A|%#a'", "am|AM|SUNDAY|SUN\n", "", 0],
  ["date -d '2021-01-03' '+%_H|%-H|%0e|%_j|%-j'", " 0|0|03|  3|3\n", "", 0],
  ["date -d '2021-01-03' '+%::::z|%:y'", "%::::z|%:y\n", "", 0],
  ["date -d '2021-01-03' '+'", "\n", "", 0],
  ["date -d '2020-12-31 23:59:59' '+%c|%x|%X|%r|%p|%P'", "Thu Dec 31 23:59:59 2020|12/31/20|23:59:59|11:59:59 PM|PM|pm\n", "", 0],
  ["date -d '2020-12-31 23:59:59' '+%-d|%_m|%05Y|%^a|%#b|%e|%k|%l|%I|%j|%U|%W|%V|%G|%g|%u|%w|%C|%y|%D|%R|%T|%F|%h|%%|%Q|%N|%z|%:z|%::z|%Z|%s|%q'", "31|12|02020|THU|DEC|31|23|11|11|366|52|52|53|2020|20|4|4|20|20|12/31/20|23:59|23:59:59|2020-12-31|Dec|%|%Q|000000000|+0000|+00:00|+00:00:00|UTC|1609459199|4\n", "", 0],
  ["date -d '2020-12-31 23:59:59' '+%10A|%-10A|%_5d|%^B|%#Z|%:::z|%E|%Oy|%Ey|%-'", "  Thursday|Thursday|   31|DECEMBER|utc|+00|%E|20|20|%-\n", "", 0],
  ["date -d '2020-12-31 23:59:59' '+%'", "%\n", "", 0],
  ["date -d '2020-12-31 23:59:59' '+%3N|%6N|%-N'", "000|000000|000000000\n", "", 0],
  ["date -d '2020-12-31 23:59:59' '+%#p|%^p|%#A|%#a'", "pm|PM|THURSDAY|THU\n", "", 0],
  ["date -d '2020-12-31 23:59:59' '+%_H|%-H|%0e|%_j|%-j'", "23|23|31|366|366\n", "", 0],
  ["date -d '2020-12-31 23:59:59' '+%::::z|%:y'", "%::::z|%:y\n", "", 0],
  ["date -d '2020-12-31 23:59:59' '+'", "\n", "", 0],
  ["date -d '@1.25' '+%c|%x|%X|%r|%p|%P'", "Thu Jan  1 00:00:01 1970|01/01/70|00:00:01|12:00:01 AM|AM|am\n", "", 0],
  ["date -d '@1.25' '+%-d|%_m|%05Y|%^a|%#b|%e|%k|%l|%I|%j|%U|%W|%V|%G|%g|%u|%w|%C|%y|%D|%R|%T|%F|%h|%%|%Q|%N|%z|%:z|%::z|%Z|%s|%q'", "1| 1|01970|THU|JAN| 1| 0|12|12|001|00|00|01|1970|70|4|4|19|70|01/01/70|00:00|00:00:01|1970-01-01|Jan|%|%Q|250000000|+0000|+00:00|+00:00:00|UTC|1|1\n", "", 0],
  ["date -d '@1.25' '+%10A|%-10A|%_5d|%^B|%#Z|%:::z|%E|%Oy|%Ey|%-'", "  Thursday|Thursday|    1|JANUARY|utc|+00|%E|70|70|%-\n", "", 0],
  ["date -d '@1.25' '+%'", "%\n", "", 0],
  ["date -d '@1.25' '+%3N|%6N|%-N'", "250|250000|250000000\n", "", 0],
  ["date -d '@1.25' '+%#p|%^p|%#A|%#a'", "am|AM|THURSDAY|THU\n", "", 0],
  ["date -d '@1.25' '+%_H|%-H|%0e|%_j|%-j'", " 0|0|01|  1|1\n", "", 0],
  ["date -d '@1.25' '+%::::z|%:y'", "%::::z|%:y\n", "", 0],
  ["date -d '@1.25' '+'", "\n", "", 0],
  ["date -d @0 --iso-8601=bogus", "", "date: invalid argument ‘bogus’ for ‘--iso-8601’\nValid arguments are:\n  - ‘hours’\n  - ‘minutes’\n  - ‘date’\n  - ‘seconds’\n  - ‘ns’\nTry 'date --help' for more information.\n", 1],
  ["date -d @0 --rfc-3339=bogus", "", "date: invalid argument ‘bogus’ for ‘--rfc-3339’\nValid arguments are:\n  - ‘date’\n  - ‘seconds’\n  - ‘ns’\nTry 'date --help' for more information.\n", 1],
  ["date -d @0 --rfc-3339", "", "date: option '--rfc-3339' requires an argument\nTry 'date --help' for more information.\n", 1],
  ["date -d @0 -Ins", "1970-01-01T00:00:00,000000000+00:00\n", "", 0],
  ["date -d @0 -Ihours", "1970-01-01T00+00:00\n", "", 0],
  ["date -d @0 -Iminutes", "1970-01-01T00:00+00:00\n", "", 0],
  ["date -d @0 -Iseconds", "1970-01-01T00:00:00+00:00\n", "", 0],
  ["date -d @0 -Id", "1970-01-01\n", "", 0],
  ["date -d @0 --rfc-3339=ns", "1970-01-01 00:00:00.000000000+00:00\n", "", 0],
  ["date -d @0 --rfc-3339=date", "1970-01-01\n", "", 0],
  ["date -d @0 --rfc-3339=s", "1970-01-01 00:00:00+00:00\n", "", 0],
  ["date -d @0 12010000", "", "date: the argument ‘12010000’ lacks a leading '+';\nwhen using an option to specify date(s), any non-option\nargument must be a format string beginning with '+'\nTry 'date --help' for more information.\n", 1],
  ["date -d @0 --da=@5 +%s", "5\n", "", 0],
  ["date --d @1", "", "date: option '--d' is ambiguous; possibilities: '--date' '--debug'\nTry 'date --help' for more information.\n", 1],
  ["date -d @0 --universal +%Z", "UTC\n", "", 0],
  ["date -d @0 --rfc-email", "Thu, 01 Jan 1970 00:00:00 +0000\n", "", 0],
  ["date -d @0 -I -I", "", "date: multiple output formats specified\n", 1],
  ["date -d @0 +%s +%s", "", "date: extra operand ‘+%s’\nTry 'date --help' for more information.\n", 1],
  ["date -d @0 -R +%s", "", "date: multiple output formats specified\n", 1],
  ["date -d @0 -x", "", "date: invalid option -- 'x'\nTry 'date --help' for more information.\n", 1],
  ["date --bogus", "", "date: unrecognized option '--bogus'\nTry 'date --help' for more information.\n", 1],
  ["date -d", "", "date: option requires an argument -- 'd'\nTry 'date --help' for more information.\n", 1],
  ["date -d @0 --utc=3", "", "date: option '--utc' doesn't allow an argument\nTry 'date --help' for more information.\n", 1],
  ["date -d @0 -uR", "Thu, 01 Jan 1970 00:00:00 +0000\n", "", 0],
  ["date -ud@0", "Thu Jan  1 00:00:00 UTC 1970\n", "", 0],
  ["date -d @0 -s @1", "", "date: the options to print and set the time may not be used together\nTry 'date --help' for more information.\n", 1],
  ["date -d @0 -- +%s", "0\n", "", 0],
  ["date -d '2024-02-30'", "", "date: invalid date ‘2024-02-30’\n", 1],
  ["date -d '2023-02-29 00:00'", "", "date: invalid date ‘2023-02-29 00:00’\n", 1],
  ["date -d '20240102' +%F", "2024-01-02\n", "", 0],
  ["date -d '2024-01-02T03:04:05Z' +%s", "1704164645\n", "", 0],
  ["date -d '19 APR 2012 11:14:00' +%s", "1334834040\n", "", 0],
  ["date -d 'Thu Jan  1 00:00:00 UTC 1970' +%s", "0\n", "", 0],
  ["date -d @0 -I +%s", "", "date: multiple output formats specified\n", 1],
  ["date -s", "", "date: option requires an argument -- 's'\nTry 'date --help' for more information.\n", 1],
  ["date --set", "", "date: option '--set' requires an argument\nTry 'date --help' for more information.\n", 1],
  ["date --iso-8601=", "", "date: ambiguous argument ‘’ for ‘--iso-8601’\nValid arguments are:\n  - ‘hours’\n  - ‘minutes’\n  - ‘date’\n  - ‘seconds’\n  - ‘ns’\nTry 'date --help' for more information.\n", 1],
  ["date -d @0 --rfc-3339=", "", "date: ambiguous argument ‘’ for ‘--rfc-3339’\nValid arguments are:\n  - ‘date’\n  - ‘seconds’\n  - ‘ns’\nTry 'date --help' for more information.\n", 1],
  ["date -d @0 --iso=ns", "1970-01-01T00:00:00,000000000+00:00\n", "", 0],
  ["date -d @0 -u", "Thu Jan  1 00:00:00 UTC 1970\n", "", 0],
  ["date -u -d @86400 +%F", "1970-01-02\n", "", 0],
  ["date -d '2024-01-02 03:04:05' -u +%s", "1704164645\n", "", 0],
  ["date --date=@1 -u +%T", "00:00:01\n", "", 0],
  ["date -d nonsense", "", "date: invalid date ‘nonsense’\n", 1],
  ["TZ=UTC date -d @0 +%Y", "1970\n", "", 0],
  ["date -u +%Y -d @1700000000", "2023\n", "", 0],
];

describe('GNU date 9.1 (captured): formats, ISO and RFC forms, option errors', () => {
  it.each(BASH)('%s', (script, out, err, rc) => {
    expect(runHostScript(script)).toEqual({ out, err, rc });
  });
});

describe('the lab clock (2024-05-20 09:00:00 UTC)', () => {
  it.each([
    ['date', 'Mon May 20 09:00:00 UTC 2024\n'],
    ['date +%s', '1716195600\n'],
    ['date -u +%F', '2024-05-20\n'],
    ['date -d yesterday +%F', '2024-05-19\n'],
    ['date -d tomorrow +%A', 'Tuesday\n'],
    ['date -d "1 day ago" +%F', '2024-05-19\n'],
    ['date -d "2 hours" +%T', '11:00:00\n'],
    ['date -d "-3 weeks" +%F', '2024-04-29\n'],
    ['date -d "1 month ago" +%F', '2024-04-20\n'],
    ['date -d "" +%T', '00:00:00\n'],
    ['date -I', '2024-05-20\n'],
  ])('%s', (script, out) => {
    expect(runHostScript(script)).toEqual({ out, err: '', rc: 0 });
  });

  it('the MMDDhhmm[[CC]YY] operand sets the date: the host is root, its clock moves', () => {
    expect(runHostScript('date 010203042030; date +%F')).toEqual({ out: 'Wed Jan  2 03:04:00 UTC 2030\n2030-01-02\n', err: '', rc: 0 });
    expect(runHostScript('date 13010000')).toEqual({ out: '', err: 'date: invalid date ‘13010000’\n', rc: 1 });
  });
});

describe('strftime and readDate edges', () => {
  it('a trailing % or an unknown conversion is printed as typed', () => {
    expect(strftime('%', 0)).toBe('%');
    expect(strftime('a%Qb%-', 0)).toBe('a%Qb%-');
  });
  it('nanoseconds: %N in full, a width truncates', () => {
    expect(strftime('%N|%3N|%1N', 1500, 500_000_000)).toBe('500000000|500|5');
  });
  it('a date string the lab does not read is null (date: invalid date)', () => {
    expect(readDate('next monday', 0)).toBeNull();
    expect(readDate('3 parsecs', 0)).toBeNull();
  });
});
