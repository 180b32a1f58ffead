package glassgo.compiler.ast;

/** The specs inside a GenDecl (go/ast Spec). */
public sealed interface Spec extends Node permits ImportSpec, ValueSpec, TypeSpec {}
