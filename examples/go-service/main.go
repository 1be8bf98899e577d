// Command go-service is panelcraft's demo Go service: net/http instrumented with client_golang's promhttp
// middleware, a few routes with different latencies and error rates, a bounded, deliberate leak endpoint so
// the goroutine- and handle-leak panels have something to show, and fault switches (faults.go) so every alert
// can be made to fire.
package main

import (
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// route is one demo endpoint: a base latency, a latency spread and every how many requests it fails with a 500.
type route struct {
	path      string
	base      time.Duration
	spread    time.Duration
	failEvery uint64 // 0: never fails
}

var routes = []route{
	{path: "/api/orders", base: 2 * time.Millisecond, spread: 4 * time.Millisecond},
	{path: "/api/search", base: 40 * time.Millisecond, spread: 60 * time.Millisecond},
	{path: "/api/checkout", base: 10 * time.Millisecond, spread: 20 * time.Millisecond, failEvery: 20}, // 5 % 5xx
}

func main() {
	listen := flag.String("listen", "127.0.0.1:8080", "address to listen on; port 0 picks a free port")
	faultFlags := registerFaultFlags()
	flag.Parse()

	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))

	inFlight := prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "http_requests_in_flight",
		Help: "Requests currently being served.",
	})
	requests := prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "http_requests_total",
		Help: "Requests served, by handler, status code and method.",
	}, []string{"handler", "code", "method"})
	duration := prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "http_request_duration_seconds",
		Help:    "Request latency in seconds, by handler, status code and method.",
		Buckets: prometheus.DefBuckets,
	}, []string{"handler", "code", "method"})
	reg.MustRegister(inFlight, requests, duration)

	// instrument wraps a handler the way promhttp's middleware is meant to be chained.
	instrument := func(name string, h http.Handler) http.Handler {
		labels := prometheus.Labels{"handler": name}
		return promhttp.InstrumentHandlerInFlight(inFlight,
			promhttp.InstrumentHandlerDuration(duration.MustCurryWith(labels),
				promhttp.InstrumentHandlerCounter(requests.MustCurryWith(labels), h)))
	}

	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		log.Fatalf("go-service: %v", err)
	}
	// The first stdout line carries the real address, so callers can pass port 0 and read the port back.
	fmt.Printf("listening on http://%s\n", ln.Addr().String())
	faults, err := faultFlags.start() // prints the control address, when -faults is set, as the second line
	if err != nil {
		log.Fatalf("go-service: %v", err)
	}

	mux := http.NewServeMux()
	for _, r := range routes {
		// Faults run inside the instrumentation, so injected errors and latency show in the metrics.
		mux.Handle(r.path, instrument(r.path, faults.wrap(demoHandler(r))))
		// Export the error and success series at 0 from the start (Prometheus's instrumentation advice for labels
		// known in advance): a counter series that first appears with the first error needs two scrapes before
		// rate() sees it, which would add a whole scrape interval to every error page.
		for _, code := range []string{"200", "500"} {
			requests.WithLabelValues(r.path, code, "get")
		}
	}
	mux.Handle("/debug/leak", instrument("/debug/leak", faults.leakHandler()))
	mux.Handle("/healthz", instrument("/healthz", http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprintln(w, "ok")
	})))
	mux.Handle("/metrics", faults.guardMetrics(promhttp.HandlerFor(reg, promhttp.HandlerOpts{})))
	log.Fatal(http.Serve(ln, mux))
}

// demoHandler sleeps a deterministic, varying latency and fails every failEvery-th request with a 500.
func demoHandler(r route) http.Handler {
	var n uint64
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		i := atomic.AddUint64(&n, 1)
		time.Sleep(r.base + time.Duration(i%5)*r.spread/4)
		if r.failEvery > 0 && i%r.failEvery == 0 {
			http.Error(w, "simulated failure", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, "{\"route\":%q,\"n\":%d}\n", r.path, i)
	})
}
