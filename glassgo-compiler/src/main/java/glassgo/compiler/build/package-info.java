/**
 * Which files and packages a build uses: glassgo's {@code go/build} plus the package loading of
 * {@code cmd/go}, for programs that use the standard library.
 *
 * <p>Start at {@link glassgo.compiler.build.PackageLoader}: it resolves import paths in
 * {@link glassgo.compiler.build.GoRoot}, scans each directory ({@link glassgo.compiler.build.DirScan})
 * with the target's {@link glassgo.compiler.build.BuildContext} (GOOS/GOARCH, tags, file name
 * suffixes, {@link glassgo.compiler.build.Constraint build constraints}), reads only each file's
 * header ({@link glassgo.compiler.build.GoFileReader}) and returns a
 * {@link glassgo.compiler.build.PackageGraph} in dependency order, with errors in the go command's
 * words. {@link glassgo.compiler.build.StdList} is {@code go list std}. The tests compare all of it
 * with the real go command: the std list, every std package's files and imports, dependency
 * order and each error message.
 */
package glassgo.compiler.build;
