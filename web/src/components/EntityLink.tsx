import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';

const names = new Map<string, Promise<string>>();

/** A link to a knowledge-base entity named by id, showing its name once read. */
export function EntityLink({ id }: { id: string }) {
  const [name, setName] = useState<string>();
  useEffect(() => {
    let live = true;
    let p = names.get(id);
    if (!p) {
      p = api.entity(id).then((e) => e.name);
      names.set(id, p);
      p.catch(() => names.delete(id));
    }
    p.then((n) => live && setName(n)).catch(() => undefined);
    return () => {
      live = false;
    };
  }, [id]);
  return <Link to={`/actors/${encodeURIComponent(id)}`}>{name ?? id}</Link>;
}
