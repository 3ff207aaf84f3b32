HashiSearch.register("ja","t-0",{"docs":[["ja/","ホーム","日本語だけのページ"],["ja/only-ja/","日本語だけ","このページには英語版がありません。"]],"first":0});
