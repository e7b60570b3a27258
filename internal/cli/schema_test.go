package cli

import (
	"bytes"
	"path/filepath"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

var (
	schemaMu    sync.Mutex
	schemaCache = map[string]*jsonschema.Schema{}
)

// compileSchema compiles a JSON Schema file once; formats (uri, date-time)
// are asserted, not only annotated.
func compileSchema(t *testing.T, path string) *jsonschema.Schema {
	t.Helper()
	schemaMu.Lock()
	defer schemaMu.Unlock()
	if s, ok := schemaCache[path]; ok {
		return s
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(abs)
	if err != nil {
		t.Fatalf("schema %s: %v", path, err)
	}
	schemaCache[path] = s
	return s
}

// validate checks one JSON document against a schema file.
func validate(t *testing.T, schemaPath string, doc []byte) {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		t.Fatalf("not JSON: %v\n%.400s", err, doc)
	}
	if err := compileSchema(t, schemaPath).Validate(inst); err != nil {
		t.Errorf("does not validate against %s: %v", schemaPath, err)
	}
}
