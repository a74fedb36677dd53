import { Link } from 'react-router';
import { useTitle } from '../lib/use-api';

/** An address the app does not know. */
export default function NotFoundPage() {
  useTitle('Not found');
  return (
    <section className="card">
      <h1>Page not found</h1>
      <p>
        Nothing lives at this address. Go to the <Link to="/">dashboard</Link> or{' '}
        <Link to="/search">search</Link>.
      </p>
    </section>
  );
}
