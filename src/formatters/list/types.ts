import type { ProjectList } from '../../core/views.js';
import type { FormatOptions } from '../shared/options.js';

export type ListFormatter = (list: ProjectList, options: FormatOptions) => string;
