package glassgo.compiler.ast;

/** Expressions and type expressions (go/ast Expr). */
public sealed interface Expr extends Node
        permits BadExpr, Ident, Ellipsis, BasicLit, FuncLit, CompositeLit, ParenExpr, SelectorExpr,
                IndexExpr, IndexListExpr, SliceExpr, TypeAssertExpr, CallExpr, StarExpr, UnaryExpr,
                BinaryExpr, KeyValueExpr, ArrayType, StructType, FuncType, InterfaceType, MapType,
                ChanType {}
