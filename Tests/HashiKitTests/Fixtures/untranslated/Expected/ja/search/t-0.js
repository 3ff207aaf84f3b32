HashiSearch.register("ja","t-0",{"docs":[["ja/","ホーム"],["ja/only-ja/","日本語だけ"]],"first":0,"z":"<Iˑt@ eįo=4SFADT1L&qEHIs	fE#.8(C&m`,w0Yp/f}PA=Kvy}s;(aO5!<~>5Ȁ"});
