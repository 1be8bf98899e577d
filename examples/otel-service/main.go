// Command otel-service exposes HTTP server metrics under the OpenTelemetry semantic-convention names exactly as the
// OTel Prometheus exporter writes them (http_server_request_duration_seconds{http_route,http_response_status_code,
// http_request_method,otel_scope_name,otel_scope_version}). The OTel SDK is not packaged for offline builds, so the
// metrics are produced with client_golang; the names, labels and buckets are what the exporter emits. Fault switches
// (faults.go) make every alert fire on demand.
package main

import (
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

const (
	scopeName    = "go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	scopeVersion = "0.60.0"
)

// Bucket boundaries the OTel semantic conventions recommend for http.server.request.duration (seconds).
var semconvBuckets = []float64{0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10}

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

	scope := prometheus.Labels{"otel_scope_name": scopeName, "otel_scope_version": scopeVersion}
	duration := prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:        "http_server_request_duration_seconds",
		Help:        "Duration of HTTP server requests.",
		Buckets:     semconvBuckets,
		ConstLabels: scope,
	}, []string{"http_route", "http_response_status_code", "http_request_method", "url_scheme"})
	active := prometheus.NewGaugeVec(prometheus.GaugeOpts{
		Name:        "http_server_active_requests",
		Help:        "Number of active HTTP server requests.",
		ConstLabels: scope,
	}, []string{"http_request_method", "url_scheme"})
	targetInfo := prometheus.NewGauge(prometheus.GaugeOpts{
		Name:        "target_info",
		Help:        "Target metadata",
		ConstLabels: prometheus.Labels{"service_name": "otel-service", "telemetry_sdk_language": "go"},
	})
	targetInfo.Set(1)
	reg.MustRegister(duration, active, targetInfo)

	// instrument records what otelhttp records for one route.
	instrument := func(pattern string, h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			g := active.WithLabelValues(r.Method, "http")
			g.Inc()
			defer g.Dec()
			rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
			start := time.Now()
			h.ServeHTTP(rec, r)
			duration.WithLabelValues(pattern, strconv.Itoa(rec.status), r.Method, "http").Observe(time.Since(start).Seconds())
		})
	}

	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		log.Fatalf("otel-service: %v", err)
	}
	fmt.Printf("listening on http://%s\n", ln.Addr().String())
	faults, err := faultFlags.start() // prints the control address, when -faults is set, as the second line
	if err != nil {
		log.Fatalf("otel-service: %v", err)
	}

	mux := http.NewServeMux()
	for _, r := range routes {
		// Faults run inside the instrumentation, so injected errors and latency show in the metrics.
		mux.Handle(r.path, instrument(r.path, faults.wrap(demoHandler(r))))
		// Export the error and success series with no observations from the start: a series that first appears
		// with the first error needs two scrapes before rate() sees it, adding a scrape interval to every error page.
		for _, code := range []string{"200", "500"} {
			duration.WithLabelValues(r.path, code, http.MethodGet, "http")
		}
	}
	mux.Handle("/debug/leak", instrument("/debug/leak", faults.leakHandler()))
	mux.Handle("/healthz", instrument("/healthz", http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprintln(w, "ok")
	})))
	mux.Handle("/metrics", faults.guardMetrics(promhttp.HandlerFor(reg, promhttp.HandlerOpts{})))
	log.Fatal(http.Serve(ln, mux))
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}

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
