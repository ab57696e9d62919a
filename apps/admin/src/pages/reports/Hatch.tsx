/**
 * The diagonal hatching the report charts fill a bar with where a colour would not survive a black
 * and white printout: one definition, put inside an SVG's `<defs>`, used as `fill="url(#id)"`.
 */
export function Hatch({ id }: { id: string }) {
  return (
    <pattern id={id} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <rect width="6" height="6" fill="#fff" />
      <line x1="0" y1="0" x2="0" y2="6" stroke="#000" strokeWidth="2" />
    </pattern>
  );
}
