import { useEffect, useState } from 'react';
import { type Resource, useResource } from '../../components/use-resource.ts';

/**
 * useResource that keeps showing the last answer while it reloads, so a form inside the page keeps its state
 * (and keyboard focus) when an action re-reads the data.
 */
export function useKeptResource<T>(path: string): Resource<T> & { reload: () => void; kept: T | null } {
  const resource = useResource<T>(path);
  const [kept, setKept] = useState<T | null>(null);
  useEffect(() => {
    if (resource.status === 'ok') setKept(resource.data);
  }, [resource.status, resource.data]);
  return { ...resource, kept: resource.status === 'ok' ? resource.data : kept };
}
