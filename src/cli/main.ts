/** kslab: the engine from the command line. */
export async function main(argv: readonly string[]): Promise<number> {
  void argv;
  process.stderr.write('kslab: not implemented yet\n');
  return 2;
}
