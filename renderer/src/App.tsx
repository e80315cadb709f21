// The only screen until the vault screens arrive: it says plainly what works today
// rather than showing controls that do nothing.
export function App() {
  const version = window.casebook?.version;
  return (
    <main className="placeholder">
      <h1>Casebook</h1>
      <p>
        The vault screens arrive with the desktop-app work; until then, the vault is usable through
        the <code>casebook</code> command-line tool (see the README).
      </p>
      {version ? <p className="version">Version {version}</p> : null}
    </main>
  );
}
