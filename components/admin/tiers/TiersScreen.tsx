export function TiersScreen(_props: import('../screen-props.ts').ScreenProps) {
  return <p>Tiers: coming soon.</p>;
}
