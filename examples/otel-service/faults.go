// Fault switches: make the demo service misbehave on purpose, so alerts can be shown and tested end to end.
//
// This file is identical in examples/go-service, examples/otel-service and examples/gin-service (a test compares
// them): each example must also build on its own (GOPATH mode here, module mode in deploy/app.Dockerfile), so they
// cannot share a package. It uses net/http only; each main.go wires faults.apply into its own middleware.
//
// The switches are served by a separate control server that only listens on a loopback address (-faults), never
// on the service's own port. Every fault is bounded: leaks stop at their caps, hung requests are released after
// -hang-max-duration, and at most -hang-max-requests hang at once.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// faultLimits caps what the switches can do to the machine; set from flags.
type faultLimits struct {
	maxGoroutines   int           // goroutines leaked by goroutine-leak (and /debug/leak), over the life of the process
	maxFiles        int           // open files leaked by fd-leak (and /debug/leak)
	maxBytes        int           // heap retained by memory-leak
	maxChurn        int           // gc-churn: garbage bytes allocated per second
	maxHung         int           // requests hanging at once; more answer 503 at once
	maxHangDuration time.Duration // a hung request is released after this long
	maxLatency      time.Duration // largest latency the latency switch accepts
}

// faultState is what the switches are set to; the zero value is a healthy service.
type faultState struct {
	Errors        float64 `json:"errors"`        // share of /api requests that fail with a 500, 0..1
	Latency       string  `json:"latency"`       // extra latency per /api request, a Go duration
	Hang          bool    `json:"hang"`          // /api requests block until the switch is off (bounded)
	Metrics       string  `json:"metrics"`       // "up", or "down": /metrics answers 503, so Prometheus sets up=0
	GoroutineLeak int     `json:"goroutineLeak"` // goroutines leaked per second
	FdLeak        int     `json:"fdLeak"`        // open files leaked per second
	MemoryLeak    int     `json:"memoryLeak"`    // heap bytes retained per second
	GcChurn       int     `json:"gcChurn"`       // garbage bytes allocated per second
}

// faultReport is the JSON the control server answers with.
type faultReport struct {
	Switches faultState `json:"switches"`
	Leaked   struct {
		Goroutines int `json:"goroutines"`
		Files      int `json:"files"`
		Bytes      int `json:"bytes"`
	} `json:"leaked"`
	Hung int `json:"hung"`
}

type faults struct {
	limits faultLimits

	mu       sync.Mutex
	state    faultState
	latency  time.Duration
	requests uint64        // /api requests seen, for a deterministic error share
	release  chan struct{} // closed when hang is switched off or on reset
	hung     int

	goroutines int
	block      chan struct{} // leaked goroutines wait on it; closed on reset
	files      []*os.File
	retained   [][]byte
	retainedN  int        // bytes in retained
	carry      [3]float64 // fractional leak amounts carried between ticks
}

func newFaults(limits faultLimits) *faults {
	f := &faults{limits: limits, release: make(chan struct{}), block: make(chan struct{})}
	f.state.Latency = "0s"
	f.state.Metrics = "up"
	go f.run()
	return f
}

// apply runs the request-level faults for one /api request. It returns 0 to serve the request normally, or the
// HTTP status to answer with instead.
func (f *faults) apply(ctx context.Context) int {
	f.mu.Lock()
	f.requests++
	n := f.requests
	ratio, latency, hang, release := f.state.Errors, f.latency, f.state.Hang, f.release
	if hang {
		if f.hung >= f.limits.maxHung {
			f.mu.Unlock()
			return http.StatusServiceUnavailable
		}
		f.hung++
	}
	f.mu.Unlock()

	if hang {
		timer := time.NewTimer(f.limits.maxHangDuration)
		select {
		case <-release:
		case <-ctx.Done():
		case <-timer.C:
		}
		timer.Stop()
		f.mu.Lock()
		f.hung--
		f.mu.Unlock()
	}
	if latency > 0 {
		timer := time.NewTimer(latency)
		select {
		case <-ctx.Done():
		case <-timer.C:
		}
		timer.Stop()
	}
	// Exactly `ratio` of the requests fail, spread evenly: request n fails when floor(n·ratio) steps up.
	if ratio > 0 && int64(float64(n)*ratio) != int64(float64(n-1)*ratio) {
		return http.StatusInternalServerError
	}
	return 0
}

// metricsDown reports whether /metrics should answer 503 (the "instance down" fault).
func (f *faults) metricsDown() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.state.Metrics == "down"
}

// guardMetrics wraps the /metrics handler with the metrics switch.
func (f *faults) guardMetrics(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if f.metricsDown() {
			http.Error(w, "metrics switched off by the fault switch", http.StatusServiceUnavailable)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// leakNow leaks up to n goroutines and n files at once (the /debug/leak endpoint); it returns the totals.
func (f *faults) leakNow(n int) (goroutines, files int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.leakGoroutines(n)
	f.leakFiles(n)
	return f.goroutines, len(f.files)
}

func (f *faults) leakGoroutines(n int) {
	block := f.block
	for i := 0; i < n && f.goroutines < f.limits.maxGoroutines; i++ {
		f.goroutines++
		go func() { <-block }()
	}
}

func (f *faults) leakFiles(n int) {
	for i := 0; i < n && len(f.files) < f.limits.maxFiles; i++ {
		file, err := os.Open(os.DevNull)
		if err != nil {
			return
		}
		f.files = append(f.files, file)
	}
}

func (f *faults) leakBytes(n int) {
	if room := f.limits.maxBytes - f.retainedN; n > room {
		n = room
	}
	if n <= 0 {
		return
	}
	chunk := make([]byte, n)
	for i := 0; i < len(chunk); i += 4096 {
		chunk[i] = 1 // touch every page so the leak shows in the resident set, not only the heap
	}
	f.retained = append(f.retained, chunk)
	f.retainedN += n
}

// gcSink keeps the compiler from optimising churned allocations away.
var gcSink []byte

// run applies the per-second faults in ten steps a second, so growth is smooth rather than a staircase.
func (f *faults) run() {
	const steps = 10
	ticker := time.NewTicker(time.Second / steps)
	defer ticker.Stop()
	for range ticker.C {
		f.mu.Lock()
		s := f.state
		take := func(i int, perSecond int) int {
			f.carry[i] += float64(perSecond) / steps
			whole := int(f.carry[i])
			f.carry[i] -= float64(whole)
			return whole
		}
		f.leakGoroutines(take(0, s.GoroutineLeak))
		f.leakFiles(take(1, s.FdLeak))
		f.leakBytes(take(2, s.MemoryLeak))
		f.mu.Unlock()
		for left := s.GcChurn / steps; left > 0; left -= 64 << 10 {
			gcSink = make([]byte, 64<<10)
		}
	}
}

// set applies the switches in `values` all-or-nothing: an unknown name or a bad value changes nothing.
func (f *faults) set(values map[string][]string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	next := f.state
	latency := f.latency
	for name, vs := range values {
		v := vs[len(vs)-1]
		var err error
		switch name {
		case "errors":
			next.Errors, err = strconv.ParseFloat(v, 64)
			if err == nil && !(next.Errors >= 0 && next.Errors <= 1) {
				err = fmt.Errorf("must be between 0 and 1")
			}
		case "latency":
			latency, err = time.ParseDuration(v)
			if err == nil && (latency < 0 || latency > f.limits.maxLatency) {
				err = fmt.Errorf("must be between 0s and %s", f.limits.maxLatency)
			}
			next.Latency = latency.String()
		case "hang":
			next.Hang, err = strconv.ParseBool(v)
		case "metrics":
			if v != "up" && v != "down" {
				err = fmt.Errorf(`must be "up" or "down"`)
			}
			next.Metrics = v
		case "goroutine-leak":
			next.GoroutineLeak, err = perSecond(v, f.limits.maxGoroutines)
		case "fd-leak":
			next.FdLeak, err = perSecond(v, f.limits.maxFiles)
		case "memory-leak":
			next.MemoryLeak, err = perSecond(v, f.limits.maxBytes)
		case "gc-churn":
			next.GcChurn, err = perSecond(v, f.limits.maxChurn)
		default:
			return fmt.Errorf("unknown fault %q (known: errors, latency, hang, metrics, goroutine-leak, fd-leak, memory-leak, gc-churn)", name)
		}
		if err != nil {
			return fmt.Errorf("fault %s=%q: %v", name, v, err)
		}
	}
	if f.state.Hang && !next.Hang {
		close(f.release)
		f.release = make(chan struct{})
	}
	f.state, f.latency = next, latency
	return nil
}

func perSecond(v string, limit int) (int, error) {
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, fmt.Errorf("not a whole number")
	}
	if n < 0 || n > limit {
		return 0, fmt.Errorf("must be between 0 and %d per second", limit)
	}
	return n, nil
}

// reset switches every fault off and frees what the leaks hold, so a test can watch the alerts resolve.
func (f *faults) reset() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.state.Hang {
		close(f.release)
		f.release = make(chan struct{})
	}
	f.state = faultState{Latency: "0s", Metrics: "up"}
	f.latency = 0
	close(f.block)
	f.block = make(chan struct{})
	f.goroutines = 0
	for _, file := range f.files {
		file.Close()
	}
	f.files = nil
	f.retained, f.retainedN = nil, 0
	f.carry = [3]float64{}
}

func (f *faults) report() faultReport {
	f.mu.Lock()
	defer f.mu.Unlock()
	var r faultReport
	r.Switches = f.state
	r.Leaked.Goroutines = f.goroutines
	r.Leaked.Files = len(f.files)
	r.Leaked.Bytes = f.retainedN
	r.Hung = f.hung
	return r
}

// serveFaults starts the control server on a loopback address and prints its address on stdout.
//
//	GET  /faults        the switches, and what the leaks hold
//	POST /faults?errors=0.5&latency=1500ms&hang=true&metrics=down&goroutine-leak=50&fd-leak=5&memory-leak=1048576&gc-churn=67108864
//	POST /faults/reset  every switch off, leaked goroutines, files and memory released
func serveFaults(f *faults, addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("-faults %q: %v", addr, err)
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("-faults %q: the fault switches only listen on a loopback address, e.g. 127.0.0.1:0", addr)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("-faults: %v", err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/faults", func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case http.MethodGet:
		case http.MethodPost:
			if err := r.ParseForm(); err != nil {
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
			if err := f.set(r.Form); err != nil {
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
		default:
			w.Header().Set("Allow", "GET, POST")
			http.Error(w, "use GET to read the switches, POST to set them", http.StatusMethodNotAllowed)
			return
		}
		writeReport(w, f.report())
	})
	mux.HandleFunc("/faults/reset", func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", "POST")
			http.Error(w, "use POST", http.StatusMethodNotAllowed)
			return
		}
		f.reset()
		writeReport(w, f.report())
	})
	fmt.Printf("fault switches on http://%s/faults\n", ln.Addr().String())
	go func() {
		if err := http.Serve(ln, loopbackOnly(mux)); err != nil {
			fmt.Fprintf(os.Stderr, "fault switches: %v\n", err)
		}
	}()
	return nil
}

// loopbackOnly refuses any client that is not on this machine (the listener is loopback already; this is a second
// guard should the address ever be widened).
func loopbackOnly(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host, _, err := net.SplitHostPort(r.RemoteAddr)
		if ip := net.ParseIP(host); err != nil || ip == nil || !ip.IsLoopback() {
			http.Error(w, "fault switches answer loopback clients only", http.StatusForbidden)
			return
		}
		h.ServeHTTP(w, r)
	})
}

func writeReport(w http.ResponseWriter, r faultReport) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(r)
}

// limitOpenFiles lowers the soft limit on open files (process_max_fds), so the fd-leak fault can approach it in a
// test. 0 keeps the limit the Go runtime set at start.
func limitOpenFiles(n uint64) error {
	if n == 0 {
		return nil
	}
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		return err
	}
	if n > lim.Max {
		return fmt.Errorf("-max-fds %d is above the hard limit %d", n, lim.Max)
	}
	lim.Cur = n
	return syscall.Setrlimit(syscall.RLIMIT_NOFILE, &lim)
}

// isAPIPath reports whether the request-level faults apply to a path: the demo routes, not health, metrics or the
// deliberate leak endpoint.
func isAPIPath(p string) bool {
	return strings.HasPrefix(p, "/api/")
}

// faultFlags are the command-line flags of the fault switches and their caps.
type faultFlags struct {
	addr   *string
	maxFds *uint64
	limits faultLimits
}

// registerFaultFlags defines the fault flags on the default flag set; call before flag.Parse.
func registerFaultFlags() *faultFlags {
	ff := &faultFlags{}
	ff.addr = flag.String("faults", "", "loopback address for the fault-switch control server, e.g. 127.0.0.1:0 (port 0 picks a free port); empty: no switches")
	ff.maxFds = flag.Uint64("max-fds", 0, "lower the open-files limit (process_max_fds) to this; 0 keeps the default")
	flag.IntVar(&ff.limits.maxGoroutines, "leak-max-goroutines", 2000, "cap on goroutines leaked by /debug/leak and goroutine-leak")
	flag.IntVar(&ff.limits.maxFiles, "leak-max-files", 200, "cap on file handles leaked by /debug/leak and fd-leak")
	flag.IntVar(&ff.limits.maxBytes, "leak-max-bytes", 256<<20, "cap on heap bytes retained by memory-leak")
	flag.IntVar(&ff.limits.maxChurn, "gc-max-churn", 256<<20, "cap on garbage bytes per second allocated by gc-churn")
	flag.IntVar(&ff.limits.maxHung, "hang-max-requests", 1000, "cap on requests hanging at once; more answer 503")
	flag.DurationVar(&ff.limits.maxHangDuration, "hang-max-duration", time.Minute, "a hung request is released after this long")
	ff.limits.maxLatency = time.Minute
	return ff
}

// start applies -max-fds and starts the faults, with the control server when -faults is set.
func (ff *faultFlags) start() (*faults, error) {
	if err := limitOpenFiles(*ff.maxFds); err != nil {
		return nil, err
	}
	f := newFaults(ff.limits)
	if *ff.addr != "" {
		if err := serveFaults(f, *ff.addr); err != nil {
			return nil, err
		}
	}
	return f, nil
}

// wrap runs the request-level faults before h, for /api paths.
func (f *faults) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if isAPIPath(r.URL.Path) {
			if status := f.apply(r.Context()); status != 0 {
				http.Error(w, "fault switch: "+http.StatusText(status), status)
				return
			}
		}
		h.ServeHTTP(w, r)
	})
}

// leakHandler serves /debug/leak?n=10: leaks n goroutines and n open files at once, up to the caps.
func (f *faults) leakHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := 10
		if v := r.URL.Query().Get("n"); v != "" {
			parsed, err := strconv.Atoi(v)
			if err != nil || parsed < 0 {
				http.Error(w, "n must be a non-negative integer", http.StatusBadRequest)
				return
			}
			n = parsed
		}
		goroutines, files := f.leakNow(n)
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]int{"leakedGoroutines": goroutines, "leakedFiles": files})
	})
}
