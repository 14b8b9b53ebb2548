export default function IntakeView() {
  return <p />;
}
