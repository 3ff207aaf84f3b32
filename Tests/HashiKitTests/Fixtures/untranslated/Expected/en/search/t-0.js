HashiSearch.register("en","t-0",{"docs":[["en/","Home"]],"first":0,"z":"eJyLVgpPzUnOz03VU4oFABpIA/c="});
