package dev.vigil.alert.rules;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The only door to CEL: compiles and type-checks expressions against an {@link EventSchema} and
 * evaluates them. Compilers are cached per schema (building one is the slow part); programs are
 * thread-safe and evaluated concurrently.
 */
public final class CelExpressions {

  private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

  private final Map<String, CelCompiler> compilers = new ConcurrentHashMap<>();

  /** A compiled expression. */
  public static final class Expression {
    private final CelRuntime.Program program;
    private final String text;

    private Expression(CelRuntime.Program program, String text) {
      this.program = program;
      this.text = text;
    }

    /**
     * @throws EvaluationException when CEL cannot evaluate it (e.g. {@code null < 1})
     */
    public Object eval(Map<String, ?> variables) {
      try {
        return program.eval(variables);
      } catch (CelEvaluationException e) {
        throw new EvaluationException(text + ": " + e.getMessage(), e);
      }
    }

    /** Evaluates a condition; anything but {@code true} (an unknown, a non-bool) is false. */
    public boolean test(Map<String, ?> variables) {
      return Boolean.TRUE.equals(eval(variables));
    }

    public String text() {
      return text;
    }
  }

  /** CEL could not evaluate an expression for these inputs. */
  public static final class EvaluationException extends RuntimeException {
    EvaluationException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * A compile or type-check error.
   *
   * @param line 1-based line inside the expression
   * @param column 1-based column
   */
  public record CompileError(int line, int column, String message) {}

  /** Thrown with every error CEL reported. */
  public static final class CompileException extends Exception {
    private final java.util.List<CompileError> errors;

    CompileException(java.util.List<CompileError> errors) {
      super(errors.stream().map(CompileError::message).collect(Collectors.joining("; ")));
      this.errors = errors;
    }

    public java.util.List<CompileError> errors() {
      return errors;
    }
  }

  /** Compiles a condition, which must be {@code bool}. */
  public Expression condition(EventSchema schema, boolean perFinding, String text)
      throws CompileException {
    return compile(schema, perFinding, text, SimpleType.BOOL);
  }

  /** Compiles an expression of any type (templates, values). */
  public Expression any(EventSchema schema, boolean perFinding, String text)
      throws CompileException {
    return compile(schema, perFinding, text, SimpleType.DYN);
  }

  private Expression compile(EventSchema schema, boolean perFinding, String text, CelType result)
      throws CompileException {
    CelCompiler compiler =
        compilers.computeIfAbsent(
            schema.type() + "|" + perFinding + "|" + result.name(),
            k -> newCompiler(schema, perFinding, result));
    try {
      CelAbstractSyntaxTree ast = compiler.compile(text).getAst();
      return new Expression(RUNTIME.createProgram(ast), text);
    } catch (CelValidationException e) {
      throw new CompileException(
          e.getErrors().stream()
              .map(
                  (CelIssue i) ->
                      new CompileError(
                          Math.max(1, i.getSourceLocation().getLine()),
                          i.getSourceLocation().getColumn() + 1,
                          i.getMessage()))
              .toList());
    } catch (dev.cel.common.CelException e) {
      throw new CompileException(java.util.List.of(new CompileError(1, 1, e.getMessage())));
    }
  }

  private static CelCompiler newCompiler(EventSchema schema, boolean perFinding, CelType result) {
    CelCompilerBuilder b =
        CelCompilerFactory.standardCelCompilerBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .setResultType(result);
    schema.variables().forEach(b::addVar);
    if (perFinding) {
      b.addVar(EventSchema.FINDING, EventSchema.DYN_MAP);
    }
    return b.build();
  }
}
