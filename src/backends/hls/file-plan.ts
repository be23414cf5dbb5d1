import type { ProjectView } from './view-model.ts';
import { template } from './templates.ts';

/** One generated text file: where it goes (relative to the project) and its content. */
export interface PlannedFile {
  readonly path: string;
  readonly content: string;
}

/** Every templated file of the project, from the view model. */
export function plannedSources(view: ProjectView): PlannedFile[] {
  const p = view.project;
  const header = { generator: view.generator, modelComment: view.modelComment };
  // io_stream has its own top function, header, defines and testbench; the rest is shared
  const io = view.isStream ? '_stream' : '';
  return [
    { path: `firmware/${p}.cpp`, content: template(`firmware/project${io}.cpp.hbs`)(view) },
    { path: `firmware/${p}.h`, content: template(`firmware/project${io}.h.hbs`)(view) },
    { path: 'firmware/defines.h', content: template(`firmware/defines${io}.h.hbs`)(view) },
    { path: 'firmware/parameters.h', content: template('firmware/parameters.h.hbs')(view) },
    ...view.arrays.map((a) => ({ path: `firmware/weights/${a.fileName}`, content: template('firmware/array.h.hbs')({ ...a, ...header }) })),
    { path: `${p}_test.cpp`, content: template(`project${io}_test.cpp.hbs`)(view) },
    { path: 'build_prj.tcl', content: template('build_prj.tcl.hbs')(view) },
    { path: 'build_prj_vitis.tcl', content: template('build_prj_vitis.tcl.hbs')(view) },
    { path: 'README.md', content: template('README.md.hbs')(view) },
  ];
}
