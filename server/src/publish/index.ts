/** The export to Word, its own bundle (the `docx` library is most of it): loaded by the Node server and the CLI on first use. */
export { exportDocx } from './docx';
