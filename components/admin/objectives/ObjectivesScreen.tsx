export function ObjectivesScreen(_props: import('../screen-props.ts').ScreenProps) {
  return <p>Objectives: coming soon.</p>;
}
