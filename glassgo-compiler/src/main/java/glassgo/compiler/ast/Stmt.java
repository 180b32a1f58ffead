package glassgo.compiler.ast;

/** Statements (go/ast Stmt). */
public sealed interface Stmt extends Node
        permits BadStmt, DeclStmt, EmptyStmt, LabeledStmt, ExprStmt, SendStmt, IncDecStmt, AssignStmt,
                GoStmt, DeferStmt, ReturnStmt, BranchStmt, BlockStmt, IfStmt, CaseClause, SwitchStmt,
                TypeSwitchStmt, CommClause, SelectStmt, ForStmt, RangeStmt {}
