/** The application shell. Features are mounted here as they land. */
export function App() {
  return (
    <main>
      <h1>Saksbord</h1>
    </main>
  );
}
