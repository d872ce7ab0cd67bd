package io.berth.rules.internal;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportMemory;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExportSection;
import com.dylibso.chicory.wasm.types.MemoryImport;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.ValType;
import com.fasterxml.jackson.databind.JsonNode;
import io.berth.api.RuleEvaluationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Rego policy compiled to WebAssembly by {@code opa build --target wasm}, run on the Chicory
 * interpreter through OPA's Wasm ABI, version 1.2 or newer.
 *
 * <p>The host side of the ABI is:
 * <ul>
 * <li>imports: {@code env.memory}, created here; {@code opa_abort} and {@code opa_println},
 *     which receive the address of a NUL-terminated string; {@code opa_builtin0} to
 *     {@code opa_builtin4}, which receive a builtin id (from the module's {@code builtins}
 *     export), a reserved context address and up to four argument value addresses, and
 *     return the address of the result value;</li>
 * <li>set-up: the {@code builtins} and {@code entrypoints} exports return values that
 *     {@code opa_json_dump} turns into JSON text; the data document is copied in with
 *     {@code opa_malloc} and parsed with {@code opa_json_parse}, and the heap pointer after
 *     it ({@code opa_heap_ptr_get}) is where every evaluation starts;</li>
 * <li>evaluation: the input JSON is written at that heap pointer and
 *     {@code opa_eval(0, entrypoint, data, input, inputLength, heapPointer, 0)} returns the
 *     address of the result set as JSON text, {@code [{"result": ...}]}, or {@code []} when
 *     the entrypoint is undefined. {@code opa_heap_ptr_set} resets the heap before the next
 *     evaluation, so memory does not grow with the number of evaluations.</li>
 * </ul>
 *
 * <p>One instance serves one evaluation at a time: {@link #evaluate} is synchronized. After an
 * abort or a trap the module's heap may be inconsistent, so the instance is rebuilt. The module
 * runs on Chicory's interpreter until its compilation to JVM bytecode, started on load, is done.
 */
public final class WasmPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(WasmPolicy.class);

    private static final String ENV = "env";
    private static final int OPA_EVAL_FORMAT_JSON = 0;

    private static final Executor COMPILER = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "berth-rules-wasm-compiler");
        thread.setDaemon(true);
        return thread;
    });

    private final String source;
    private final WasmModule module;
    private final CompletableFuture<Function<Instance, Machine>> compiled;
    private final byte[] dataJson;
    private final String entrypoint;

    private volatile boolean closed;
    private Instance instance;
    private boolean runsCompiled;
    private Memory memory;
    private Map<Integer, String> builtinNames = Map.of();
    private int entrypointId;
    private int dataAddress;
    private int baseHeapPointer;

    /**
     * Loads the module of a compiled bundle and checks it can run here: the ABI version, the
     * entrypoint, and that every builtin it imports is one {@link HostBuiltins} implements.
     */
    public WasmPolicy(CompiledBundle bundle, String entrypoint) {
        this.source = bundle.source();
        this.dataJson = bundle.dataJson();
        this.entrypoint = entrypoint;
        try {
            this.module = Parser.parse(bundle.policyWasm());
        } catch (ChicoryException e) {
            throw new RuleEvaluationException("policy.wasm in " + source + " is not a valid WebAssembly module: "
                    + e.getMessage(), CompiledBundle.REBUILD_DEFAULT, e);
        }
        synchronized (this) {
            instantiate();
        }
        // Compiling the module to JVM bytecode takes seconds, but the compiled module evaluates
        // many times faster than the interpreter. evaluate() switches over once compilation is
        // done and never waits for it, so a one-shot command does not pay for it.
        this.compiled = CompletableFuture.supplyAsync(() -> MachineFactoryCompiler.compile(module), COMPILER);
        compiled.whenComplete((factory, error) -> {
            // A compilation cut short by closing, such as a CLI command that exits, is no problem.
            if (error != null && !closed) {
                LOG.warn("compiling policy.wasm in {} to bytecode failed, so it stays interpreted: {}", source,
                        error.toString());
            }
        });
    }

    /** Waits until the module runs as JVM bytecode rather than interpreted; for benchmarks and tests. */
    public void awaitCompiled() {
        compiled.join();
    }

    /** Marks the module as no longer used, so that a compilation still running ends quietly. */
    public void close() {
        closed = true;
    }

    /** Evaluates the entrypoint on one input document and returns its result value. */
    public synchronized JsonNode evaluate(byte[] inputJson) {
        if (instance == null || (!runsCompiled && compiled.isDone() && !compiled.isCompletedExceptionally())) {
            instantiate();
        }
        try {
            return evaluateOnce(inputJson);
        } catch (RuntimeException e) {
            instance = null;
            throw asEvaluationError(e);
        }
    }

    private JsonNode evaluateOnce(byte[] inputJson) {
        call("opa_heap_ptr_set", baseHeapPointer);
        int inputAddress = baseHeapPointer;
        ensureCapacity(inputAddress + inputJson.length);
        memory.write(inputAddress, inputJson);
        int heapPointer = inputAddress + inputJson.length;

        int resultAddress = call("opa_eval", 0, entrypointId, dataAddress, inputAddress, inputJson.length,
                heapPointer, OPA_EVAL_FORMAT_JSON);
        JsonNode resultSet = parse(readCString(resultAddress), "the result of " + entrypoint);
        if (!resultSet.isArray() || resultSet.isEmpty()) {
            throw new RuleEvaluationException(entrypoint + " is undefined in " + source
                    + ", so the rules produced no result", "check that the bundle was built with --entrypoint "
                    + entrypoint + " and that the rule always has a value");
        }
        return resultSet.get(0).path("result");
    }

    private void instantiate() {
        memory = new ByteArrayMemory(memoryLimits());
        ImportValues imports = ImportValues.builder()
                .addMemory(new ImportMemory(ENV, "memory", memory))
                .withFunctions(hostFunctions())
                .build();
        Instance.Builder builder = Instance.builder(module).withImportValues(imports);
        runsCompiled = compiled != null && compiled.isDone() && !compiled.isCompletedExceptionally();
        if (runsCompiled) {
            builder.withMachineFactory(compiled.join());
        }
        try {
            instance = builder.build();
        } catch (ChicoryException e) {
            throw new RuleEvaluationException("policy.wasm in " + source + " could not be instantiated: "
                    + e.getMessage(), CompiledBundle.REBUILD_DEFAULT, e);
        }
        requireAbi();

        builtinNames = readBuiltins();
        entrypointId = readEntrypoint();
        dataAddress = loadData();
        baseHeapPointer = call("opa_heap_ptr_get");
    }

    private MemoryLimits memoryLimits() {
        return module.importSection().stream()
                .filter(MemoryImport.class::isInstance)
                .map(MemoryImport.class::cast)
                .findFirst()
                .map(MemoryImport::limits)
                .map(limits -> new MemoryLimits(limits.initialPages(), MemoryLimits.MAX_PAGES))
                .orElseThrow(() -> new RuleEvaluationException("policy.wasm in " + source
                        + " imports no memory, so it was not built by opa build --target wasm",
                        CompiledBundle.REBUILD_DEFAULT));
    }

    private void requireAbi() {
        if (!hasExport("opa_eval") || !hasExport("opa_heap_ptr_set")) {
            throw new RuleEvaluationException("policy.wasm in " + source
                    + " does not export opa_eval, which OPA Wasm ABI 1.2 added", "rebuild it with OPA 0.30 or newer: "
                    + CompiledBundle.REBUILD_DEFAULT);
        }
    }

    private boolean hasExport(String name) {
        ExportSection exports = module.exportSection();
        for (int i = 0; i < exports.exportCount(); i++) {
            if (exports.getExport(i).name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private Map<Integer, String> readBuiltins() {
        JsonNode builtins = parse(readCString(call("opa_json_dump", call("builtins"))), "the builtins export");
        Map<Integer, String> names = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = builtins.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> builtin = it.next();
            names.put(builtin.getValue().asInt(), builtin.getKey());
            if (!HostBuiltins.supports(builtin.getKey())) {
                missing.add(builtin.getKey());
            }
        }
        if (!missing.isEmpty()) {
            Collections.sort(missing);
            throw new RuleEvaluationException("the rules in " + source + " call the builtin function(s) "
                    + String.join(", ", missing) + ", which the compiled module leaves to the host and Berth's"
                    + " embedded engine does not implement (it implements " + String.join(", ", HostBuiltins.names())
                    + ")", "rewrite the rules without them (for messages, use string interpolation $\"...\"),"
                    + " or set rules.engine: opa in berth.yaml to evaluate them on an OPA server");
        }
        return names;
    }

    private int readEntrypoint() {
        JsonNode entrypoints = parse(readCString(call("opa_json_dump", call("entrypoints"))), "the entrypoints export");
        JsonNode id = entrypoints.get(entrypoint);
        if (id == null || !id.canConvertToInt()) {
            throw new RuleEvaluationException("policy.wasm in " + source + " has no entrypoint " + entrypoint
                    + " (it has " + entrypoints + ")", "rebuild it with --entrypoint " + entrypoint + ": "
                    + CompiledBundle.REBUILD_DEFAULT);
        }
        return id.asInt();
    }

    private int loadData() {
        int address = writeToHeap(dataJson);
        int value = call("opa_json_parse", address, dataJson.length);
        if (value == 0) {
            throw new RuleEvaluationException("data.json in " + source + " is not valid JSON",
                    CompiledBundle.REBUILD_DEFAULT);
        }
        return value;
    }

    /** Copies bytes into memory allocated by the module's own allocator. */
    private int writeToHeap(byte[] bytes) {
        int address = call("opa_malloc", bytes.length);
        memory.write(address, bytes);
        return address;
    }

    private void ensureCapacity(int endAddress) {
        long needed = (long) endAddress - (long) memory.pages() * Memory.PAGE_SIZE;
        if (needed > 0) {
            int pages = (int) ((needed + Memory.PAGE_SIZE - 1) / Memory.PAGE_SIZE);
            if (memory.grow(pages) < 0) {
                throw new RuleEvaluationException("the input document of " + (endAddress / (1024 * 1024))
                        + " MiB does not fit into the memory of policy.wasm in " + source, "check a smaller plan");
            }
        }
    }

    private List<com.dylibso.chicory.runtime.ImportFunction> hostFunctions() {
        List<com.dylibso.chicory.runtime.ImportFunction> functions = new ArrayList<>();
        functions.add(new HostFunction(ENV, "opa_abort", List.of(ValType.I32), List.of(), (inst, args) -> {
            throw new AbortException(readCString((int) args[0]));
        }));
        functions.add(new HostFunction(ENV, "opa_println", List.of(ValType.I32), List.of(), (inst, args) -> {
            HostBuiltins.println(source, readCString((int) args[0]));
            return null;
        }));
        for (int arity = 0; arity <= 4; arity++) {
            List<ValType> params = new ArrayList<>(Collections.nCopies(arity + 2, ValType.I32));
            functions.add(new HostFunction(ENV, "opa_builtin" + arity, params, List.of(ValType.I32),
                    (inst, args) -> new long[] {callBuiltin(args)}));
        }
        return functions;
    }

    /** Runs a builtin for the module: arguments come in as value addresses and the result goes back as one. */
    private int callBuiltin(long[] args) {
        int id = (int) args[0];
        String name = builtinNames.get(id);
        if (name == null) {
            throw new RuleEvaluationException("policy.wasm in " + source + " called builtin id " + id
                    + ", which its builtins export does not list", CompiledBundle.REBUILD_DEFAULT);
        }
        List<JsonNode> operands = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            operands.add(parse(readCString(call("opa_json_dump", (int) args[i])), "an argument of " + name));
        }
        JsonNode result = HostBuiltins.call(name, operands);
        byte[] json = result.toString().getBytes(StandardCharsets.UTF_8);
        int address = writeToHeap(json);
        return call("opa_json_parse", address, json.length);
    }

    private int call(String export, int... args) {
        ExportFunction function = instance.export(export);
        long[] values = new long[args.length];
        for (int i = 0; i < args.length; i++) {
            values[i] = args[i];
        }
        long[] result = function.apply(values);
        return result == null || result.length == 0 ? 0 : (int) result[0];
    }

    private String readCString(int address) {
        int end = address;
        while (memory.read(end) != 0) {
            end++;
        }
        return new String(memory.readBytes(address, end - address), StandardCharsets.UTF_8);
    }

    private JsonNode parse(String json, String description) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new RuleEvaluationException(description + " from policy.wasm in " + source + " is not valid JSON: "
                    + e.getMessage(), CompiledBundle.REBUILD_DEFAULT, e);
        }
    }

    private RuleEvaluationException asEvaluationError(RuntimeException e) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof RuleEvaluationException evaluation) {
                return evaluation;
            }
            if (cause instanceof AbortException abort) {
                return new RuleEvaluationException("evaluating " + entrypoint + " in " + source + " failed: "
                        + abort.getMessage(), "fix the rule named in the message and rebuild the bundle, "
                        + "or check the input document", e);
            }
            cause = cause.getCause();
        }
        return new RuleEvaluationException("evaluating " + entrypoint + " in " + source + " failed: " + e,
                "check that the bundle was built by opa build --target wasm; " + CompiledBundle.REBUILD_DEFAULT, e);
    }

    /** Raised by {@code opa_abort}: the module hit an error it cannot continue from. */
    private static final class AbortException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AbortException(String message) {
            super(message);
        }
    }
}
