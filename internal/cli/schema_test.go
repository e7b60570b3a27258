package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
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
	c.UseLoader(repoLoader{})
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

// schemaBase is the $id prefix of the schemas in ../../schema.
const schemaBase = "https://github.com/xref-un/xref/schema/"

// repoLoader reads the project's schemas from the repository, by their
// $id, and other schemas from files: no test goes to the network.
type repoLoader struct{}

func (repoLoader) Load(u string) (any, error) {
	if rest, ok := strings.CutPrefix(u, schemaBase); ok {
		f, err := os.Open(filepath.Join("..", "..", "schema", filepath.FromSlash(rest)))
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return jsonschema.UnmarshalJSON(f)
	}
	return jsonschema.FileLoader{}.Load(u)
}

func mustJSON(t *testing.T, s string) any {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return v
}
