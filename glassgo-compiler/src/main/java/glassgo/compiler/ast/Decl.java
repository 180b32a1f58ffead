package glassgo.compiler.ast;

/** Top-level and local declarations (go/ast Decl). */
public sealed interface Decl extends Node permits BadDecl, GenDecl, FuncDecl {}
