export function PeopleScreen(_props: import('../screen-props.ts').ScreenProps) {
  return <p>People: coming soon.</p>;
}
