/** The Vivado/Vitis HLS backend: IR graph → hls4ml-style C++ project. */
export { writeHlsProject, type TestVectors } from './write-project.ts';
export { buildProjectView } from './build-view.ts';
export { cppIdentifier, cppComment } from './names.ts';
export { exactDecimal } from './cpp-literal.ts';
export { PROJECT_FILES, META_FORMAT, type HlsProjectMeta, type LayerMeta } from './project-meta.ts';
export { parseVectorFile, vectorFile } from './tb-data.ts';
