import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import type { Incident } from '../api/types';
import { formatDate, formatPlace } from '../lib/format';

const cache = new Map<string, Promise<Incident>>();

/** A link to an incident named by id, described by its type, place and date once they are read. */
export function IncidentRef({ id }: { id: string }) {
  const [incident, setIncident] = useState<Incident>();
  useEffect(() => {
    let live = true;
    let p = cache.get(id);
    if (!p) {
      p = api.incident(id);
      cache.set(id, p);
      p.catch(() => cache.delete(id));
    }
    p.then((i) => live && setIncident(i)).catch(() => undefined);
    return () => {
      live = false;
    };
  }, [id]);
  return (
    <Link to={`/incidents/${encodeURIComponent(id)}`}>
      {incident
        ? `${incident.type}, ${formatPlace(incident.location)}, ${formatDate(incident.date)}`
        : `incident ${id}`}
    </Link>
  );
}
