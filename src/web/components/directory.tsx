import { createContext, type ReactNode, useContext } from 'react';
import type { Directory, Hotline } from '../api-types.ts';
import { type Resource, useResource } from './use-resource.ts';

const DirectoryContext = createContext<Resource<Directory> | null>(null);

/** The public contact directory, loaded once: the header's issuer name, the contact page, hotlines beside holds. */
export function DirectoryProvider({ children }: { children: ReactNode }) {
  const directory = useResource<Directory>('/api/v1/directory');
  return <DirectoryContext.Provider value={directory}>{children}</DirectoryContext.Provider>;
}

export function useDirectory(): Resource<Directory> {
  const directory = useContext(DirectoryContext);
  if (!directory) throw new Error('useDirectory outside DirectoryProvider');
  return directory;
}

export function hotlineFor(directory: Directory | undefined, productLine: string | undefined): Hotline | undefined {
  if (!directory) return undefined;
  return directory.hotlines.find((h) => h.productLine === productLine) ?? directory.hotlines[0];
}

export function productLineName(directory: Directory | undefined, productLine: string | undefined): string | undefined {
  return directory?.hotlines.find((h) => h.productLine === productLine)?.name;
}
