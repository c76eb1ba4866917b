/**
 * Finding the files to read: {@link dev.sqllint.source.SourceFinder} walks the source roots with Maven's
 * includes and excludes ({@code AntPattern}), without following symbolic links; {@code JavaSourceReader}
 * reads a file as text, refusing oversized and binary ones; {@link dev.sqllint.source.JavaOutlineScanner} reads
 * a cheap {@code JavaOutline} of each file without parsing it (the pre-filter's input); {@code ChangedFiles}
 * asks git which files a change touched.
 *
 * <p>Reads: the file system and, for changed files, the {@code git} executable. Hands on: source files with
 * their outlines and digests, to the engine.
 */
package dev.sqllint.source;
