module glassgo.bench/mark

go 1.19
