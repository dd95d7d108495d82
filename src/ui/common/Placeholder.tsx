/** A clearly marked slot where another feature's panel will be mounted once it exists. */
export function Placeholder({ text, slot }: { text: string; slot: string }) {
  return (
    <div className="placeholder" data-slot={slot} data-testid={`slot-${slot}`}>
      <p>{text}</p>
    </div>
  );
}
