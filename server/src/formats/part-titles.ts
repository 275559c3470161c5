/**
 * The statutory part titles of every format, read straight from the raw definitions: the
 * structurer and the content detection (which the client bundles too) need only these, and
 * esbuild then leaves the rest of the data, and the validator, out of the bundle.
 */
import { parts as parts2008 } from './data/2008.json';
import { parts as parts2019 } from './data/2019.json';
import { parts as parts2021 } from './data/2021.json';

export const partTitles: readonly string[] = [...new Set([...parts2008, ...parts2019, ...parts2021].map((part) => part.title))];
